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
/// stored. The voter gets their own copy of the ballot with what happened; everyone sees the turnout go up
/// (<see cref="SharedBallotCard"/>, at most once a second).
/// </summary>
public sealed class SubmitBallot(
    WorkshopFinder finder, BallotReads reads, VotingRepository voting, SharedBallotCard sharedCard, TimeProvider time, BotMetrics metrics)
    : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var input = CardPayload.Read(data, CardDataJson.Default.BallotData);
        // Storage round-trips are what a ballot costs (docs/performance.md): everything it is checked against is one query.
        var workshopId = await finder.RequireIdFromCardAsync(turn, input.WorkshopId, cancellationToken);
        var known = sharedCard.ContributionsOf(turn.Tenant, workshopId, input.RoundId);
        var scene = await reads.ReadSceneAsync(turn.Tenant, workshopId, turn.User.Id, input.RoundId, withContributions: known is null, cancellationToken);
        var contributions = known ?? scene.Contributions;
        var workshop = await finder.RequireAsync(turn, scene.Workshop, scene.Voter, WorkshopAction.Vote, cancellationToken);
        var round = scene.Round?.Value ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var now = time.GetUtcNow();
        var ballot = new Ballot(round.Id, turn.User.Id, BallotInputs.Read(round, input.Inputs), now);
        if (ballot.Scores.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        round.Validate(ballot, now);
        var receipt = await voting.CastAsync(turn.Tenant, round, turn.User.Id, ballot, scene.EarlierBallot, cancellationToken);
        var (verdict, current) = await VerdictAsync(turn, round, receipt, cancellationToken);
        metrics.VoteCast(VoteOutcome(verdict));
        var (turnout, shown) = current.State == RoundState.Open
            ? await sharedCard.BallotWrittenAsync(turn.Tenant, workshop, contributions, round.Id, cancellationToken)
            : (current.Results?.Ballots ?? 0, contributions);

        return new CardActionResult.ReplaceCard(BallotCard.Render(current, workshop, shown, turnout, workshop.ParticipantCount,
            turn.Texts, mine: receipt.Result == BallotResult.AlreadyVoted ? null : ballot, note: turn.Texts[verdict]));
    }

    /// <summary>
    /// Whether the ballot counts (the text key that tells the voter). Written together with the round's open marker,
    /// it does; otherwise the round as read after the write says: if it began closing meanwhile, the tally decides —
    /// it lists the ballot versions it counted, so the voter is told the truth either way.
    /// </summary>
    private async Task<(string Verdict, VotingRound Current)> VerdictAsync(TurnContext turn, VotingRound round, BallotReceipt receipt,
        CancellationToken cancellationToken)
    {
        if (receipt.WrittenWhileOpen)
        {
            // Stored in one transaction with the round's open marker: the round was open, and its tally will count it.
            return (receipt.Result == BallotResult.Changed ? TextKey.BallotChanged : TextKey.BallotCounted, round);
        }

        var current = round;
        for (var wait = 0; wait < 50; wait++)
        {
            current = (await voting.GetRoundAsync(turn.Tenant, round.WorkshopId, round.Id, cancellationToken))?.Value ?? current;
            switch (current.State)
            {
                case var _ when receipt.Result == BallotResult.AlreadyVoted:
                    return (TextKey.BallotAlreadyVoted, current);
                case RoundState.Open:
                    return (receipt.Result == BallotResult.Changed ? TextKey.BallotChanged : TextKey.BallotCounted, current);
                case RoundState.Closed when current.CountedBallots.Contains(receipt.Version):
                    return (TextKey.BallotCounted, current);
                case RoundState.Closed:
                    return (TextKey.BallotTooLate, current);
                default:
                    await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
                    break;
            }
        }

        return (TextKey.BallotTooLate, current);
    }

    private static string VoteOutcome(string verdict) => verdict switch
    {
        TextKey.BallotCounted => "counted",
        TextKey.BallotChanged => "changed",
        TextKey.BallotAlreadyVoted => "already_voted",
        _ => "too_late",
    };
}
