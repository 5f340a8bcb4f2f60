using System.Text.Json;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Help;

/// <summary>The user clicked "Hilfe anzeigen" on the welcome card: the card turns into the help overview.</summary>
public sealed class ShowHelpFromCard(WorkshopFinder finder, ChannelSteering channels) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken) =>
        new CardActionResult.ReplaceCard(HelpCard.Render(turn.Texts, turn.IsPersonalChat, await HelpButtons.PlaceOfAsync(turn, finder, channels, cancellationToken)));
}
