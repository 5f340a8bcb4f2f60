using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Privacy;

/// <summary>"Abbrechen" on the erasure card: nothing is erased, and the card says so in place of its buttons.</summary>
[UsedIn(CommandScopes.Personal, Elsewhere = TextKey.PersonalDataOnlyInPersonalChat)]
public sealed class CancelErasure : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken) =>
        Task.FromResult<CardActionResult>(new CardActionResult.ReplaceCard(EraseCard.Done(turn.Texts[TextKey.MyDataEraseCancelled], turn.Texts)));
}
