using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Telemetry;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// "Stimme abgeben". Only registered participants vote; the round, items and values are checked against what is
/// stored. The voter gets their own copy of the ballot with what happened; everyone sees the turnout go up
/// (<see cref="SharedBallotCard"/>, at most once a second).
/// </summary>
public sealed class SubmitBallot(
    WorkshopFinder finder, BallotReads reads, VotingRepository voting, SharedBallotCard sharedCard, KnownVoters known, TimeProvider time,
    BotMetrics metrics)
    : ICardActionHandler<BallotData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, BallotData input, CancellationToken cancellationToken)
    {
        var workshopId = await finder.RequireIdFromCardAsync(turn, input.WorkshopId, cancellationToken);
        // Storage round-trips are what a ballot costs (docs/performance.md): a voter checked before needs one transaction.
        var contributions = sharedCard.ContributionsOf(turn.Tenant, workshopId, input.RoundId);
        if (contributions is not null && known.Find(turn.Tenant, workshopId, input.RoundId, turn.User.Id) is { } voter
            && await CastAsKnownVoterAsync(turn, voter, input, contributions, cancellationToken) is { } answer)
        {
            return answer;
        }

        // Otherwise everything the ballot is checked against is one query.
        var scene = await reads.ReadSceneAsync(turn.Tenant, workshopId, turn.User.Id, input.RoundId, withContributions: contributions is null, cancellationToken);
        contributions ??= scene.Contributions;
        var workshop = await finder.RequireAsync(turn, scene.Workshop, scene.Voter, WorkshopAction.Vote, cancellationToken);
        var round = scene.Round?.Value ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var ballot = BallotFrom(turn, round, input);
        if (ballot is null)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        var receipt = round.Anonymous
            ? await voting.CastSecretAsync(turn.Tenant, round, turn.User.Id, ballot, turn.Activity.Id, scene.Secret, cancellationToken)
            : await voting.CastAsync(turn.Tenant, round, turn.User.Id, ballot, scene.EarlierBallot, turn.Activity.Id, cancellationToken);
        switch (receipt.Result)
        {
            case BallotResult.Busy:
                metrics.VoteCast("busy");
                return new CardActionResult.Message(turn.Texts[TextKey.BallotBusy]);
            case BallotResult.AlreadyVoted:
                return await RefuseSecondBallotAsync(turn, round, workshop, contributions, cancellationToken);
        }

        var (verdict, current) = await VerdictAsync(turn, round, receipt, cancellationToken);
        if (current.State == RoundState.Open && !round.Anonymous && scene.Voter is { Waitlisted: false } && scene.VoterVersion != default)
        {
            known.Remember(turn.Tenant, turn.User.Id, new KnownVoter(round, workshop, scene.VoterVersion));
        }
        else if (current.State == RoundState.Open)
        {
            known.RememberRound(turn.Tenant, round);
        }

        return await AnswerAsync(turn, current, workshop, contributions, ballot, receipt, verdict, cancellationToken);
    }

    /// <summary>
    /// The ballot of a voter this instance checked before (in this round or an earlier one), in one transaction that fails unless the round is still
    /// open and the registration still the one checked; null then, and the ballot takes the full path.
    /// </summary>
    private async Task<CardActionResult?> CastAsKnownVoterAsync(TurnContext turn, KnownVoter voter, BallotData input,
        IReadOnlyList<Contribution> contributions, CancellationToken cancellationToken)
    {
        var ballot = BallotFrom(turn, voter.Round, input);
        if (ballot is null)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        var written = await voting.CastAsKnownVoterAsync(turn.Tenant, voter.Round, turn.User.Id, ballot, voter.Registration, turn.Activity.Id,
            first: !voter.HasBallot, cancellationToken);
        if (written is null)
        {
            known.Forget(turn.Tenant, voter.Round.WorkshopId, voter.Round.Id, turn.User.Id);
            return null;
        }

        known.Remember(turn.Tenant, turn.User.Id, voter with { Registration = written.Registration, HasBallot = true });
        return await AnswerAsync(turn, voter.Round, voter.Workshop, contributions, ballot, written.Receipt, Verdict(written.Receipt), cancellationToken);
    }

    /// <summary>
    /// A second ballot in a secret round. Nothing was written, so the shared card has nothing new to show; the turnout
    /// on the voter's card is read now, not the one this instance counted last.
    /// </summary>
    private async Task<CardActionResult> RefuseSecondBallotAsync(TurnContext turn, VotingRound round, Workshop workshop,
        IReadOnlyList<Contribution> contributions, CancellationToken cancellationToken)
    {
        metrics.VoteCast(VoteOutcome(TextKey.BallotAlreadyVoted));
        var now = await reads.ReadRoundWithTurnoutAsync(turn.Tenant, round.WorkshopId, round.Id, cancellationToken);
        var current = now?.Round ?? round;
        var turnout = current.State == RoundState.Closed ? current.Results?.Ballots ?? 0 : now?.Turnout ?? 0;
        return new CardActionResult.ReplaceCard(BallotCard.Render(current, workshop, contributions, turnout, workshop.ParticipantCount,
            turn.Texts, mine: null, note: turn.Texts[TextKey.BallotAlreadyVoted], moderating: Moderates(workshop, turn)))
        {
            OnlyForClicker = true,
        };
    }

    /// <summary>The ballot as the round defines it, checked against it (null: nothing chosen).</summary>
    private Ballot? BallotFrom(TurnContext turn, VotingRound round, BallotData input)
    {
        var now = time.GetUtcNow();
        var ballot = new Ballot(round.Id, turn.User.Id, input.ScoresFor(round), now);
        if (ballot.Scores.Count == 0)
        {
            return null;
        }

        round.Validate(ballot, now);
        return ballot;
    }

    private async Task<CardActionResult> AnswerAsync(TurnContext turn, VotingRound current, Workshop workshop, IReadOnlyList<Contribution> contributions,
        Ballot ballot, BallotReceipt receipt, string verdict, CancellationToken cancellationToken)
    {
        metrics.VoteCast(receipt.Redelivered ? "redelivered" : VoteOutcome(verdict));
        var (turnout, shown, header) = current.State == RoundState.Open
            ? await sharedCard.BallotWrittenAsync(turn.Tenant, workshop, contributions, current.Id, cancellationToken)
            : (current.Results?.Ballots ?? 0, contributions, workshop);

        return new CardActionResult.ReplaceCard(BallotCard.Render(current, header, shown, turnout, header.ParticipantCount,
            turn.Texts, mine: receipt.Result == BallotResult.AlreadyVoted ? null : ballot, note: turn.Texts[verdict], moderating: Moderates(header, turn)))
        {
            // The voter's choices are theirs: never put into the message everyone sees.
            OnlyForClicker = true,
        };
    }

    // The voter's own copy keeps the moderation buttons of someone seen moderating here; closing is checked anyway.
    private static bool Moderates(Workshop workshop, TurnContext turn) =>
        workshop.IsModerator(turn.User.Id) || workshop.ModerationViewers.ContainsKey(turn.User.Id);

    /// <summary>
    /// Whether the ballot counts (the text key that tells the voter). Written together with the round's open marker,
    /// it does, and the tally counts it; otherwise nothing was stored, and the round as it is now shows the turnout.
    /// </summary>
    private async Task<(string Verdict, VotingRound Current)> VerdictAsync(TurnContext turn, VotingRound round, BallotReceipt receipt,
        CancellationToken cancellationToken)
    {
        if (receipt.Result is BallotResult.Counted or BallotResult.Changed)
        {
            return (Verdict(receipt), round);
        }

        // Nothing was stored: the round began closing. Once the close is done, the card shows its final turnout.
        var current = round;
        for (var wait = 0; wait < 20; wait++)
        {
            current = (await voting.GetRoundAsync(turn.Tenant, round.WorkshopId, round.Id, cancellationToken))?.Value ?? current;
            if (current.State != RoundState.Closing)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        return (Verdict(receipt), current);
    }

    private static string Verdict(BallotReceipt receipt) => receipt.Result switch
    {
        BallotResult.Counted => TextKey.BallotCounted,
        BallotResult.Changed => TextKey.BallotChanged,
        BallotResult.AlreadyVoted => TextKey.BallotAlreadyVoted,
        _ => TextKey.BallotTooLate,
    };

    private static string VoteOutcome(string verdict) => verdict switch
    {
        TextKey.BallotCounted => "counted",
        TextKey.BallotChanged => "changed",
        TextKey.BallotAlreadyVoted => "already_voted",
        _ => "too_late",
    };
}
