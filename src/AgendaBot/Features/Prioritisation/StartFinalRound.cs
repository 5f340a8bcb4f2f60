using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// "Schlussrunde starten": the setup card becomes the ballot, for everyone in the conversation. The measures are those
/// of the plan now, not those the setup card counted; a round running already is shown instead of a second one.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalRoundNotInPersonalChat)]
public sealed class StartFinalRound(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, TimeProvider time)
    : ICardActionHandler<FinalRoundSetupData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, FinalRoundSetupData input, CancellationToken cancellationToken)
    {
        if (await access.LedAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalRoundOnlyLead]);
        }

        var plan = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        var method = input.Method == PrioritisationCards.Dots ? VotingMethod.DotVoting : VotingMethod.StarRating;
        var criteria = (input.Criteria ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        FinalRound round;
        try
        {
            // The ballot lists the measures in the plan's order so far, which people know from the plan summary.
            round = FinalRound.Start(FinalRoundAccess.IdFrom(turn), agenda.Id, FinalRoundAccess.Conversation(turn), method, criteria,
                Measures.MeasureTexts.ByPriority(plan), turn.User.Id, time.GetUtcNow());
        }
        catch (DomainException refused) when (refused.Code == DomainErrorCode.TooManyItems && refused.Subject is "measures" or "measures to rank")
        {
            // How many fit depends on the criteria chosen: the answer says the number for them.
            return new CardActionResult.Message(refused.Subject == "measures to rank"
                ? turn.Texts[TextKey.FinalRoundTooFew]
                : turn.Texts.Format(TextKey.FinalRoundTooMany, refused.Limit ?? 0));
        }

        var (stored, started) = await rounds.StartAsync(turn.Tenant, round, cancellationToken);
        var turnout = started ? 0 : await rounds.TurnoutAsync(turn.Tenant, agenda.Id, stored.Id, cancellationToken);
        return CardActionResult.ForAll(PrioritisationCards.Ballot(stored, plan, turnout, turn.Texts,
            note: started || stored.Id == round.Id ? null : turn.Texts[TextKey.FinalRoundAlreadyOpen]));
    }
}
