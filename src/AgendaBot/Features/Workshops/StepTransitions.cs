using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

// The step controls answer in the conversation they are clicked in (the reflection, the next step's card, the replaced
// step card), so they act only from the workshop's channel or group chat: the step card is never sent to a personal
// chat, and a click from one (a forged invoke) would put the shared cards where only one person sees them.

/// <summary>"Schritt abschließen": the step stops collecting, and its reflection is posted.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.StepOnlyInChannel)]
[Requires(WorkshopAction.CloseStep)]
public sealed class CloseStep(WorkshopFinder finder, WorkshopRepository workshops) : WorkshopCardHandler<StepRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, StepRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        var step = ContributionFactory.Step(input.Step);
        var closed = await workshops.UpdateAsync(turn.Tenant, here.Workshop with { Value = here.Value.CloseStep(step).SeenModerating(turn) }, cancellationToken);

        var shared = SharedTexts.For(closed.Value);
        var contributions = await workshops.GetContributionsAsync(turn.Tenant, closed.Value.Id, cancellationToken);
        await turn.ReplyAsync(ReflectionCard.Render(closed.Value, step, contributions, shared), shared, cancellationToken);
        return new CardActionResult.ReplaceCard(StepCard.Render(closed.Value, shared, moderating: true)) { ForEveryone = StepCard.Render(closed.Value, shared) };
    }
}

/// <summary>"Weiter zu Schritt n": the next step begins with its own card; the pinboard gets its heading.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.StepOnlyInChannel)]
[Requires(WorkshopAction.AdvanceStep)]
public sealed class AdvanceStep(WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard, FinalRoundStore standings) : WorkshopCardHandler<StepRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, StepRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        var before = here.Value;
        var advanced = await workshops.UpdateAsync(turn.Tenant,
            here.Workshop with { Value = before.AdvanceFrom(ContributionFactory.Step(input.Step)).SeenModerating(turn) }, cancellationToken);

        var shared = SharedTexts.For(advanced.Value);
        var plan = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, advanced.Value, cancellationToken);
        await turn.ReplyAsync(StepCard.Render(advanced.Value, shared, plan: plan), shared, cancellationToken);
        await pinboard.RefreshAsync(turn, advanced.Value.Id, cancellationToken);
        var done = StepCard.Render(before, shared, final: true);
        return new CardActionResult.ReplaceCard(done) { ForEveryone = done };
    }
}

/// <summary>"Schritt wieder öffnen": the group closed a step too early.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.StepOnlyInChannel)]
[Requires(WorkshopAction.CloseStep)]
public sealed class ReopenStep(WorkshopFinder finder, WorkshopRepository workshops, FinalRoundStore standings) : WorkshopCardHandler<StepRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, StepRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        var reopened = await workshops.UpdateAsync(turn.Tenant,
            here.Workshop with { Value = here.Value.ReopenStep(ContributionFactory.Step(input.Step)).SeenModerating(turn) }, cancellationToken);
        var plan = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, reopened.Value, cancellationToken);
        var shared = SharedTexts.For(reopened.Value);
        return new CardActionResult.ReplaceCard(StepCard.Render(reopened.Value, shared, plan: plan, moderating: true))
        {
            ForEveryone = StepCard.Render(reopened.Value, shared, plan: plan),
        };
    }
}
