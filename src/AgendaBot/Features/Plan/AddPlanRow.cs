using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>
/// "Weiterer Meilenstein" (and the same for work packages and indicators): the step-6 form again, one row longer, with
/// everything typed so far. Teams shows the redrawn card to the clicker only; nothing is stored, so a second delivery
/// just draws the same card.
/// </summary>
[Requires(WorkshopAction.Contribute)]
public sealed class AddPlanRow(WorkshopFinder finder, WorkshopRepository workshops, FinalRoundStore standings) : WorkshopCardHandler<PlanData>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, PlanData input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        here.Value.EnsureAccepts(ContributionFactory.Step(input.Step));
        if (here.Value.CurrentStep != WorkshopStep.TimeAndMeasuresPlan)
        {
            throw new DomainException(DomainErrorCode.WrongStep, "plan");
        }

        var shown = input.AddRowTo switch
        {
            PlanList.WorkPackages => input.WorkPackageRows,
            PlanList.Milestones => input.MilestoneRows,
            PlanList.Indicators => input.IndicatorRows,
            _ => 0,
        };
        if (shown >= PlanForm.CardRows)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.PlanRowsFull, PlanForm.CardRows));
        }

        var choices = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, here.Value, cancellationToken);
        // What this person typed is theirs: the form grows for them only.
        return new CardActionResult.ReplaceCard(StepCard.Render(here.Value, SharedTexts.For(here.Value), plan: choices, typed: input, moderating: here.Moderates))
        {
            OnlyForClicker = true,
        };
    }
}
