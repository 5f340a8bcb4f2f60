using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Teams asks for a person's own view of a step card (its refresh names the people who moderate): they get the card
/// with the buttons that steer the workshop; anyone else gets the card everyone sees. A card of a step that is behind
/// the workshop shows that step as done.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.StepOnlyInChannel)]
public sealed class ShowStepView(WorkshopFinder finder, WorkshopRepository workshops, FinalRoundStore standings) : ICardActionHandler<StepRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, StepRef input, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        var step = ContributionFactory.Step(input.Step);
        var workshop = here.Value;
        var shared = SharedTexts.For(workshop);
        if (step != workshop.CurrentStep || workshop.IsEnded)
        {
            return new CardActionResult.ReplaceCard(StepCard.Render(workshop with { CurrentStep = step, StepState = StepState.Closed }, shared, final: true))
            {
                OnlyForClicker = true,
            };
        }

        var plan = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, workshop, cancellationToken);
        return new CardActionResult.ReplaceCard(StepCard.Render(workshop, shared, plan: plan, moderating: here.Moderates)) { OnlyForClicker = true };
    }
}
