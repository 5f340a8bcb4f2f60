using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Workshops;

/// <summary>"@AgendaBot workshop" in a channel: show the running workshop, or the card to open one.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferWorkshop(WorkshopFinder finder) : ICommandHandler
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

        if (await finder.FindHereAsync(turn, cancellationToken) is { } running)
        {
            await turn.ReplyPlainAsync(turn.Texts.Format(TextKey.WorkshopExists, running.Value.FieldOfAction, (int)running.Value.CurrentStep), cancellationToken);
            return;
        }

        await turn.ReplyAsync(OpenWorkshopCard.Render(agenda.Value, turn.Texts), cancellationToken);
    }
}
