using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "@AgendaBot workshop" in a channel: brings the running workshop's step card back (it may have scrolled far up, or
/// been lost), or offers to open one — the next one, once the channel's workshop has ended.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferWorkshop(WorkshopFinder finder, WorkshopRepository workshops, FinalRoundStore standings) : ICommandHandler
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
            var workshop = running.Moderates ? await RememberModeratorAsync(turn, running, cancellationToken) : running.Value;
            var shared = SharedTexts.For(workshop);
            var plan = await PlanChoices.LoadAsync(workshops, standings, turn.Tenant, workshop, cancellationToken);
            await turn.ReplyAsync(StepCard.Render(workshop, shared, plan: plan), shared, cancellationToken);
            return;
        }

        await turn.ReplyAsync(OpenWorkshopCard.Render(agenda.Value, turn.Texts, ended: here?.Value), cancellationToken);
    }

    // A project lead (or moderator) the bot has not seen moderate here yet asks for the step card: from now on the
    // card shows them the moderation buttons. Best effort: a header changed meanwhile leaves it for their next click.
    private async Task<Domain.Workshops.Workshop> RememberModeratorAsync(TurnContext turn, WorkshopContext here, CancellationToken cancellationToken)
    {
        var seen = here.Value.SeenModerating(turn);
        if (ReferenceEquals(seen, here.Value))
        {
            return seen;
        }

        try
        {
            return (await workshops.UpdateAsync(turn.Tenant, here.Workshop with { Value = seen }, cancellationToken)).Value;
        }
        catch (Domain.Common.DomainException failure) when (failure.Code == Domain.Common.DomainErrorCode.Conflict)
        {
            return here.Value;
        }
    }
}
