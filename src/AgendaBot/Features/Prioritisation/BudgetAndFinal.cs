using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Measures;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>"endfassung": the project lead gets the budget priorities and the step to the final version again.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferPlanDecision(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await access.LeadHereAsync(turn, cancellationToken) is not { } agenda)
        {
            return;
        }

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken));
        if (plan.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.FinalRoundTooFew], cancellationToken);
            return;
        }

        var standing = await rounds.GetStandingAsync(turn.Tenant, agenda.Id, cancellationToken);
        await turn.ReplyAsync(PrioritisationCards.Budget(agenda.Id, plan, standing, ApplyFinalOrder.BudgetYear(standing, time), turn.Texts), cancellationToken);
    }
}

/// <summary>
/// "Haushaltsprioritäten speichern": the measures chosen are marked for the budget year, the others no longer, in one
/// transaction; once the plan is final, that is a change to it like any other and keeps the year's decision as reason.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalRoundNotInPersonalChat)]
public sealed class SaveBudgetPriorities(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, PlanSummaryPublisher summaries,
    TimeProvider time) : ICardActionHandler<BudgetData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, BudgetData input, CancellationToken cancellationToken)
    {
        if (await access.LedAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalRoundOnlyLead]);
        }

        if (!int.TryParse(input.BudgetYear, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.BudgetYearInvalid]);
        }

        var stored = await measures.GetAllVersionedAsync(turn.Tenant, agenda.Id, cancellationToken);
        var chosen = input.MeasureIds().ToHashSet(StringComparer.Ordinal);
        // The card offers the agenda's measures; an id it did not offer is a tampered payload.
        if (chosen.Any(id => stored.All(s => s.Value.Id != id)))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "measure");
        }

        var standing = (await rounds.GetStandingAsync(turn.Tenant, agenda.Id, cancellationToken)).WithBudgetYear(year);
        await measures.UpdateManyAsync(turn.Tenant, stored.Select(s => (s, s.Value with { NextBudgetYear = chosen.Contains(s.Value.Id) })).ToList(),
            turn.User, time.GetUtcNow(), standing.IsFinal ? turn.Texts.Format(TextKey.PlanStageBudget, year.ToString(CultureInfo.InvariantCulture)) : null,
            cancellationToken);
        await rounds.SetStandingAsync(turn.Tenant, agenda.Id, standing, cancellationToken);
        await summaries.RefreshAsync(turn.Tenant, agenda.Id, turn.Activity.ServiceUrl!, cancellationToken);

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken));
        return CardActionResult.ForAll(PrioritisationCards.Budget(agenda.Id, plan, standing, year, turn.Texts,
            turn.Texts.Format(TextKey.BudgetSaved, chosen.Count, year.ToString(CultureInfo.InvariantCulture))));
    }
}

/// <summary>
/// "Plan als Endfassung festlegen": from now on the plan is final — the plan summaries and the export say so, and a
/// new measure asks for a reason. Clicking it again changes nothing.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalRoundNotInPersonalChat)]
public sealed class FinalisePlan(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, PlanSummaryPublisher summaries,
    TimeProvider time) : ICardActionHandler<BudgetData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, BudgetData input, CancellationToken cancellationToken)
    {
        if (await access.LedAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalRoundOnlyLead]);
        }

        var before = await rounds.GetStandingAsync(turn.Tenant, agenda.Id, cancellationToken);
        var standing = before.Finalise(time.GetUtcNow());
        if (!before.IsFinal)
        {
            await rounds.SetStandingAsync(turn.Tenant, agenda.Id, standing, cancellationToken);
            await summaries.RefreshAsync(turn.Tenant, agenda.Id, turn.Activity.ServiceUrl!, cancellationToken);
        }

        var plan = MeasureTexts.ByPriority(await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken));
        return CardActionResult.ForAll(PrioritisationCards.Budget(agenda.Id, plan, standing, ApplyFinalOrder.BudgetYear(standing, time), turn.Texts,
            turn.Texts[TextKey.PlanFinalised]));
    }
}
