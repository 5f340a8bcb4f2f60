using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// The user asked "meine daten": everything stored about them in words, grouped by what it is, with a link to the
/// complete file; shown only to them.
/// </summary>
[UsedIn(CommandScopes.Personal)]
public sealed class ShowMyData(PersonalDataService personalData, MyDataDownload download) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PersonalDataOnlyInPersonalChat], cancellationToken);
            return;
        }

        var items = await personalData.OverviewAsync(turn.Tenant, turn.User.Id, cancellationToken);
        if (items.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PersonalDataExportEmpty], cancellationToken);
            return;
        }

        var export = await personalData.ExportAsync(turn.Tenant, turn.User.Id, cancellationToken);
        var link = await download.SaveAsync(turn, export, cancellationToken);
        await turn.ReplyAsync(MyDataCard.Render(items, link, turn.Texts), cancellationToken);
    }
}
