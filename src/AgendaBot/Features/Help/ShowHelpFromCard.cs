using System.Text.Json;
using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Help;

/// <summary>The user clicked "Hilfe anzeigen" on the welcome card: the card turns into the help overview.</summary>
public sealed class ShowHelpFromCard : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken) =>
        Task.FromResult<CardActionResult>(new CardActionResult.ReplaceCard(HelpCard.Render(turn.Texts, turn.IsPersonalChat)));
}
