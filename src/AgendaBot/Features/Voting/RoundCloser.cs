using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// Ends a round — for a moderator's click or a passed deadline, on whichever instance gets there — in two guarded
/// steps: mark it Closing (no ballot is acknowledged after that), then tally the ballots and store the result with the
/// versions it counted. Only the instance whose final write wins posts the results, so they are posted once.
/// A deadline closes a round with nobody waiting for it: its results post goes into the outbox <em>before</em> the final
/// write, under a key naming the round, so an instance that dies in between loses nothing — the round stays Closing,
/// the deadline stays due, and the next pass enqueues the same post again, which the outbox delivers once.
/// </summary>
public sealed partial class RoundCloser(
    VotingRepository voting, WorkshopRepository workshops, Poster poster, PinboardPublisher pinboard, ResultsPicture picture,
    ConversationReferenceRepository references, TimeProvider time, ILogger<RoundCloser> logger)
{
    /// <param name="byDeadline">True for the deadline watcher: the results go through the outbox.</param>
    /// <returns>The closed round, and whether this call closed it (false: it was closed already or by someone else).</returns>
    public async Task<(VotingRound Round, bool ClosedNow)> CloseAsync(TenantScope tenant, string workshopId, string roundId,
        CancellationToken cancellationToken, bool byDeadline = false)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = await voting.GetRoundAsync(tenant, workshopId, roundId, cancellationToken)
                ?? throw new DomainException(DomainErrorCode.NotFound, "round");
            try
            {
                switch (stored.Value.State)
                {
                    case RoundState.Closed:
                        return (stored.Value, false);
                    case RoundState.Open:
                        await voting.BeginCloseAsync(tenant, stored with { Value = stored.Value.BeginClose(time.GetUtcNow()) }, cancellationToken);
                        continue;
                    default:
                        var closed = await FinishAsync(tenant, stored, byDeadline, cancellationToken);
                        await PublishAsync(tenant, closed, resultsPosted: byDeadline, cancellationToken);
                        return (closed, true);
                }
            }
            catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
            {
                // Another instance moved the round on: read again and see where it stands.
            }
        }

        throw new DomainException(DomainErrorCode.Conflict, "round");
    }

    private async Task<VotingRound> FinishAsync(TenantScope tenant, Versioned<VotingRound> closing, bool byDeadline, CancellationToken cancellationToken)
    {
        var (results, counted) = await TallyAsync(tenant, closing.Value, cancellationToken);
        var closed = closing.Value.FinishClose(results, counted);
        if (byDeadline)
        {
            // No ballot is taken while Closing, so every instance that gets here counts the same: the posts are the same.
            await EnqueueResultsAsync(tenant, closed, cancellationToken);
        }

        await voting.UpdateRoundAsync(tenant, closing with { Value = closed }, cancellationToken);
        return closed;
    }

    /// <summary>The results and the versions of the ballot rows counted; a secret round has only its sums (and no rows since).</summary>
    private async Task<(RoundResults Results, IReadOnlyList<string> Counted)> TallyAsync(TenantScope tenant, VotingRound round,
        CancellationToken cancellationToken)
    {
        if (round.Anonymous)
        {
            var sums = await voting.GetSecretTallyAsync(tenant, round, cancellationToken);
            return (VoteTally.Compute(round, sums.Tally), sums.Versions);
        }

        var ballots = await voting.GetBallotsWithVersionsAsync(tenant, round.WorkshopId, round.Id, cancellationToken);
        return (VoteTally.Compute(round, ballots.Select(b => b.Ballot).ToList()), ballots.Select(b => b.Version).ToList());
    }

    private async Task EnqueueResultsAsync(TenantScope tenant, VotingRound round, CancellationToken cancellationToken)
    {
        if (round.BallotCard is not { } card)
        {
            return;
        }

        var workshop = (await workshops.GetAsync(tenant, round.WorkshopId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
        if (await references.GetAsync(tenant, card.ConversationId, cancellationToken) is null)
        {
            // A round started before its conversation was remembered: the outbox cannot find the way, so post as before.
            LogNoReference(logger, round.Id);
            return;
        }

        var contributions = await workshops.GetContributionsAsync(tenant, round.WorkshopId, cancellationToken);
        var texts = SharedTexts.For(workshop);
        var chart = await picture.UrlForAsync(tenant, round, contributions, texts, cancellationToken);
        var results = Poster.Message(ResultsCard.Render(round, contributions, texts, chart), texts, card.ConversationId);
        await poster.Durable.EnqueueAsync(tenant, new ProactivePost(card.ConversationId, results),
            $"results|{round.WorkshopId}|{round.Id}", workshop.AgendaId, cancellationToken);
    }

    private async Task PublishAsync(TenantScope tenant, VotingRound round, bool resultsPosted, CancellationToken cancellationToken)
    {
        var workshop = (await workshops.GetAsync(tenant, round.WorkshopId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
        await WritePrioritiesAsync(tenant, round, cancellationToken);
        var contributions = await workshops.GetContributionsAsync(tenant, round.WorkshopId, cancellationToken);
        var texts = SharedTexts.For(workshop);
        if (round.BallotCard is not { } card)
        {
            LogNoBallotCard(logger, round.Id);
            return;
        }

        var turnout = round.Results?.Ballots ?? 0;
        await poster.Now.UpdateAsync(card.ServiceUrl, card.ConversationId, card.ActivityId,
            BallotCard.Render(round, workshop, contributions, turnout, workshop.ParticipantCount, texts), texts, cancellationToken);
        if (!resultsPosted || await references.GetAsync(tenant, card.ConversationId, cancellationToken) is null)
        {
            var chart = await picture.UrlForAsync(tenant, round, contributions, texts, cancellationToken);
            await poster.Now.PostAsync(card.ServiceUrl, card.ConversationId, ResultsCard.Render(round, contributions, texts, chart), texts, cancellationToken);
        }

        await pinboard.RefreshAsync(tenant, workshop.Id, card.ServiceUrl, card.ConversationId, cancellationToken);
    }

    // The ranking becomes the items' priority (1 = highest), which the pinboard and the plan show.
    private async Task WritePrioritiesAsync(TenantScope tenant, VotingRound round, CancellationToken cancellationToken)
    {
        var ranks = (round.Results?.Ranking ?? []).ToDictionary(r => r.Item, r => r.Rank);
        // Someone edited a contribution meanwhile: each attempt reads again. Giving up leaves the old priorities (logged).
        await ConflictRetry.TryAsync(logger, "priorities", async ct =>
        {
            var changed = new List<Versioned<Contribution>>();
            foreach (var (item, rank) in ranks)
            {
                if (await workshops.GetContributionAsync(tenant, round.WorkshopId, item, ct) is { } found && found.Value.Priority != rank)
                {
                    changed.Add(found with { Value = found.Value with { Priority = rank } });
                }
            }

            foreach (var chunk in changed.Chunk(100))
            {
                await workshops.UpdateContributionsAsync(tenant, round.WorkshopId, chunk, ct);
            }
        }, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {RoundId} has no remembered conversation; its results are posted directly")]
    private static partial void LogNoReference(ILogger logger, string roundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {RoundId} closed without a posted ballot card; results not posted")]
    private static partial void LogNoBallotCard(ILogger logger, string roundId);
}
