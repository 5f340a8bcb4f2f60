using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// The user asked "daten löschen": before anything happens, what would be deleted and what would stay without their
/// name, with counts, and what it means for the measures they own and the agenda they lead; then a click to confirm.
/// </summary>
[UsedIn(CommandScopes.Personal)]
public sealed class AskToEraseMyData(PersonalDataService personalData) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PersonalDataOnlyInPersonalChat], cancellationToken);
            return;
        }

        var items = await personalData.OverviewAsync(turn.Tenant, turn.User.Id, cancellationToken);
        await turn.ReplyAsync(items.Count == 0 ? EraseCard.Done(turn.Texts[TextKey.MyDataEraseNothing], turn.Texts) : EraseCard.Render(items, turn.Texts),
            cancellationToken);
    }
}
