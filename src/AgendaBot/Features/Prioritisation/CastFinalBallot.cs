using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Voting;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// "Stimme abgeben" in the final round. Whoever is in the steering group's conversation votes; a ballot from another
/// conversation, for a measure not in the round, or after the end is refused. The voter sees their choices; everyone
/// sees the turnout.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalBallotWrongPlace)]
public sealed class CastFinalBallot(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, TimeProvider time)
    : ICardActionHandler<FinalBallotData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, FinalBallotData input, CancellationToken cancellationToken)
    {
        var agenda = await access.RequireAsync(turn, input.AgendaId, cancellationToken);
        var round = (await rounds.GetAsync(turn.Tenant, agenda.Id, input.RoundId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        if (round.ConversationId != FinalRoundAccess.Conversation(turn))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalBallotWrongPlace]);
        }

        var plan = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (!round.IsOpen)
        {
            return Closed(turn, round, plan);
        }

        var now = time.GetUtcNow();
        // The inputs are named as on a workshop ballot, and read and checked by the same rules.
        var scores = new BallotData(agenda.Id, round.Id) { Inputs = input.Inputs }.ScoresFor(round.AsVotingRound());
        if (scores.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BallotEmpty]);
        }

        var ballot = new Ballot(round.Id, turn.User.Id, scores, now);
        round.Validate(ballot, now);
        var result = await rounds.CastAsync(turn.Tenant, agenda.Id, round.Id, turn.User.Id, ballot, cancellationToken);
        if (result == FinalBallotResult.TooLate)
        {
            var closed = (await rounds.GetAsync(turn.Tenant, agenda.Id, round.Id, cancellationToken))?.Value ?? round;
            return Closed(turn, closed, plan, turn.Texts[TextKey.FinalBallotTooLate]);
        }

        var turnout = await rounds.TurnoutAsync(turn.Tenant, agenda.Id, round.Id, cancellationToken);
        var note = turn.Texts[result == FinalBallotResult.Changed ? TextKey.FinalBallotChanged : TextKey.FinalBallotCounted];
        return new CardActionResult.ReplaceCard(PrioritisationCards.Ballot(round, plan, turnout, turn.Texts, ballot, note))
        {
            // The voter's choices are theirs; the message everyone sees shows only how many voted.
            ForEveryone = PrioritisationCards.Ballot(round, plan, turnout, turn.Texts),
            OnlyForClicker = true,
        };
    }

    private static CardActionResult.ReplaceCard Closed(TurnContext turn, Domain.Measures.FinalRound round, IReadOnlyList<Domain.Measures.Measure> plan, string? note = null) =>
        new CardActionResult.ReplaceCard(round.Results is null
            ? PrioritisationCards.Ballot(round, plan, 0, turn.Texts, note: note ?? turn.Texts[TextKey.FinalBallotTooLate])
            : PrioritisationCards.Results(round, plan, turn.Texts, note ?? turn.Texts[TextKey.FinalBallotTooLate], offerOrder: false));
}
