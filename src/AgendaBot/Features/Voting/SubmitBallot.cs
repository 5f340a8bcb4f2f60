using System.Text.Json;
using AgendaBot.Cards;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Workshops;
using AgendaBot.Localization;
using AgendaBot.Routing;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;
using AgendaBot.Telemetry;

namespace AgendaBot.Features.Voting;

/// <summary>
/// "Stimme abgeben". Only registered participants vote; the round, items and values are checked against what is
/// stored. The voter gets their own copy of the ballot with what happened; everyone sees the turnout go up.
/// </summary>
public sealed class SubmitBallot(
    WorkshopFinder finder, BallotReads reads, VotingRepository voting, ChannelPoster poster, TimeProvider time, BotMetrics metrics)
    : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var input = CardPayload.Read(data, CardDataJson.Default.BallotData);
        // Storage round-trips are what a ballot costs (docs/performance.md): everything it is checked against is one query.
        var workshopId = await finder.RequireIdFromCardAsync(turn, input.WorkshopId, cancellationToken);
        var scene = await reads.ReadSceneAsync(turn.Tenant, workshopId, turn.User.Id, input.RoundId, cancellationToken);
        var here = await finder.ContextOfAsync(turn, scene.Workshop, scene.Voter, cancellationToken);
        here.Require(WorkshopAction.Vote);
        var round = scene.Round?.Value ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var now = time.GetUtcNow();
        var ballot = new Ballot(round.Id, turn.User.Id, BallotInputs.Read(round, input.Inputs), now);
        if (ballot.Scores.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        round.Validate(ballot, now);
        var receipt = await voting.CastAsync(turn.Tenant, round, turn.User.Id, ballot, scene.EarlierBallot, cancellationToken);
        var (verdict, current, turnout) = await VerdictAsync(turn, round, receipt, cancellationToken);
        metrics.VoteCast(VoteOutcome(verdict));
        var note = turn.Texts[verdict];

        var shared = SharedTexts.For(here.Value);
        if (current.BallotCard is { } card && current.State == RoundState.Open)
        {
            await poster.UpdateAsync(card.ServiceUrl, card.ConversationId, card.ActivityId,
                BallotCard.Render(current, here.Value, scene.Contributions, turnout, here.Value.ParticipantCount, shared), shared, cancellationToken);
        }

        return new CardActionResult.ReplaceCard(BallotCard.Render(current, here.Value, scene.Contributions, turnout, here.Value.ParticipantCount,
            turn.Texts, mine: receipt.Result == BallotResult.AlreadyVoted ? null : ballot, note: note));
    }

    /// <summary>
    /// Whether the ballot counts (the text key that tells the voter). If the round began closing while the ballot was
    /// written, the tally decides: it lists the ballot versions it counted, so the voter is told the truth either way.
    /// Returns the round as read after the ballot was written and its turnout, both from one query, which the turnout
    /// update uses too.
    /// </summary>
    private async Task<(string Verdict, VotingRound Current, int Turnout)> VerdictAsync(TurnContext turn, VotingRound round,
        BallotReceipt receipt, CancellationToken cancellationToken)
    {
        var current = round;
        var turnout = 0;
        for (var wait = 0; wait < 50; wait++)
        {
            if (await reads.ReadRoundWithTurnoutAsync(turn.Tenant, round.WorkshopId, round.Id, cancellationToken) is { } read)
            {
                (current, turnout) = (read.Round, read.Turnout);
            }

            switch (current.State)
            {
                case var _ when receipt.Result == BallotResult.AlreadyVoted:
                    return (TextKey.BallotAlreadyVoted, current, turnout);
                case RoundState.Open:
                    return (receipt.Result == BallotResult.Changed ? TextKey.BallotChanged : TextKey.BallotCounted, current, turnout);
                case RoundState.Closed when current.CountedBallots.Contains(receipt.Version):
                    return (TextKey.BallotCounted, current, turnout);
                case RoundState.Closed:
                    return (TextKey.BallotTooLate, current, turnout);
                default:
                    await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
                    break;
            }
        }

        return (TextKey.BallotTooLate, current, turnout);
    }

    private static string VoteOutcome(string verdict) => verdict switch
    {
        TextKey.BallotCounted => "counted",
        TextKey.BallotChanged => "changed",
        TextKey.BallotAlreadyVoted => "already_voted",
        _ => "too_late",
    };
}
