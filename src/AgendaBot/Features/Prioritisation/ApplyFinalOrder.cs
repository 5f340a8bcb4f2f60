using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// "Reihenfolge für den Plan übernehmen": the result orders the whole plan (each measure's priority, in its history),
/// in one transaction; the plan summaries are redrawn, and the lead goes on to the budget priorities. A final plan
/// keeps its order.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalRoundNotInPersonalChat)]
public sealed class ApplyFinalOrder(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, PlanSummaryPublisher summaries,
    TimeProvider time) : ICardActionHandler<FinalRoundRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, FinalRoundRef input, CancellationToken cancellationToken)
    {
        if (await access.LedAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalRoundOnlyLead]);
        }

        var round = (await rounds.GetAsync(turn.Tenant, agenda.Id, input.RoundId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var standing = await rounds.GetStandingAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (standing.IsFinal)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalOrderPlanIsFinal]);
        }

        var stored = await measures.GetAllVersionedAsync(turn.Tenant, agenda.Id, cancellationToken);

        var order = round.PlanOrder(stored.Select(s => s.Value).ToList());
        await measures.UpdateManyAsync(turn.Tenant,
            stored.Where(s => order.ContainsKey(s.Value.Id)).Select(s => (s, s.Value with { Priority = order[s.Value.Id] })).ToList(),
            turn.User, time.GetUtcNow(), cancellationToken: cancellationToken);
        await summaries.RefreshAsync(turn.Tenant, agenda.Id, turn.Activity.ServiceUrl!, cancellationToken);

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken));
        return CardActionResult.ForAll(PrioritisationCards.Budget(agenda.Id, plan, standing, BudgetYear(standing, time), turn.Texts,
            turn.Texts[TextKey.FinalOrderApplied]));
    }

    /// <summary>The budget year the card proposes: the one set before, else next year.</summary>
    public static int BudgetYear(Domain.Measures.PlanState standing, TimeProvider time) => standing.BudgetYear ?? time.GetUtcNow().Year + 1;
}
