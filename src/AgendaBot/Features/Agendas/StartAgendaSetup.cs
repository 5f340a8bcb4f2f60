using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Agendas;

/// <summary>"@AgendaBot agenda" in a team channel: show the agenda, or the card to set it up.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class StartAgendaSetup(WorkshopFinder finder) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (WorkshopFinder.AgendaIdOf(turn.Activity) is null)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaOnlyInTeams], cancellationToken);
            return;
        }

        if (await finder.FindAgendaAsync(turn, cancellationToken) is { } agenda)
        {
            await turn.ReplyPlainAsync(turn.Texts.Format(TextKey.AgendaExists, agenda.Value.Title, agenda.Value.ProjectLead.Name), cancellationToken);
            return;
        }

        await turn.ReplyAsync(AgendaSetupCard.Render(turn.Texts), cancellationToken);
    }
}
