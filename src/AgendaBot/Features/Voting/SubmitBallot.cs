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
    WorkshopFinder finder, WorkshopRepository workshops, VotingRepository voting, ChannelPoster poster, TimeProvider time,
    BotMetrics metrics)
    : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var input = CardPayload.Read(data, CardDataJson.Default.BallotData);
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        here.Require(WorkshopAction.Vote);
        var round = (await voting.GetRoundAsync(turn.Tenant, here.Value.Id, input.RoundId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var now = time.GetUtcNow();
        var ballot = new Ballot(round.Id, turn.User.Id, BallotInputs.Read(round, input.Inputs), now);
        if (ballot.Scores.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        round.Validate(ballot, now);
        var receipt = await voting.CastAsync(turn.Tenant, round, turn.User.Id, ballot, cancellationToken);
        var (verdict, current) = await VerdictAsync(turn, round, receipt, cancellationToken);
        metrics.VoteCast(VoteOutcome(verdict));
        var note = turn.Texts[verdict];

        var contributions = await workshops.GetContributionsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        var turnout = await voting.CountBallotsAsync(turn.Tenant, here.Value.Id, round.Id, cancellationToken);
        var shared = SharedTexts.For(here.Value);
        if (current.BallotCard is { } card && current.State == RoundState.Open)
        {
            await poster.UpdateAsync(card.ServiceUrl, card.ConversationId, card.ActivityId,
                BallotCard.Render(current, here.Value, contributions, turnout, here.Value.ParticipantCount, shared), shared, cancellationToken);
        }

        return new CardActionResult.ReplaceCard(BallotCard.Render(current, here.Value, contributions, turnout, here.Value.ParticipantCount,
            turn.Texts, mine: receipt.Result == BallotResult.AlreadyVoted ? null : ballot, note: note));
    }

    /// <summary>
    /// Whether the ballot counts (the text key that tells the voter). If the round began closing while the ballot was
    /// written, the tally decides: it lists the ballot versions it counted, so the voter is told the truth either way.
    /// Returns the round as read after the ballot was written, which the turnout update uses too (one read, not two).
    /// </summary>
    private async Task<(string Verdict, VotingRound Current)> VerdictAsync(TurnContext turn, VotingRound round, BallotReceipt receipt,
        CancellationToken cancellationToken)
    {
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
