using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// The user confirmed erasure. Whose data is erased comes from the activity's sender, never from the card, so a
/// forwarded or tampered card cannot erase somebody else.
/// </summary>
[UsedIn(CommandScopes.Personal, Elsewhere = TextKey.PersonalDataOnlyInPersonalChat)]
public sealed class EraseMyData(PersonalDataService personalData) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var changed = await personalData.EraseAsync(turn.Tenant, turn.User.Id, cancellationToken);
        return new CardActionResult.Message(turn.Texts.Format(TextKey.PersonalDataErased, changed));
    }
}
