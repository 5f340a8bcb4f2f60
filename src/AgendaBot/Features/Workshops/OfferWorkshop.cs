using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "@AgendaBot workshop" in a channel: brings the running workshop's step card back (it may have scrolled far up, or
/// been lost), or offers to open one — the next one, once the channel's workshop has ended.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferWorkshop(WorkshopFinder finder, WorkshopRepository workshops) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaOnlyInTeams], cancellationToken);
            return;
        }

        if (await finder.FindAgendaAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaMissing], cancellationToken);
            return;
        }

        var here = await finder.FindHereAsync(turn, cancellationToken);
        if (here is { Value.IsEnded: false } running)
        {
            var shared = SharedTexts.For(running.Value);
            var plan = await PlanChoices.LoadAsync(workshops, turn.Tenant, running.Value, cancellationToken);
            await turn.ReplyAsync(StepCard.Render(running.Value, shared, plan: plan), shared, cancellationToken);
            return;
        }

        await turn.ReplyAsync(OpenWorkshopCard.Render(agenda.Value, turn.Texts, ended: here?.Value), cancellationToken);
    }
}
