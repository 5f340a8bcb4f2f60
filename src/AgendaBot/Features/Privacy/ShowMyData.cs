using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>The user asked "meine daten": everything stored about them, shown only to them.</summary>
[UsedIn(CommandScopes.Personal)]
public sealed class ShowMyData(PersonalDataService personalData) : ICommandHandler
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PersonalDataOnlyInPersonalChat], cancellationToken);
            return;
        }

        var export = await personalData.ExportAsync(turn.Tenant, turn.User.Id, cancellationToken);
        var entries = export.Where(p => p.Value is System.Text.Json.Nodes.JsonArray).Sum(p => ((System.Text.Json.Nodes.JsonArray)p.Value!).Count);
        if (entries == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.PersonalDataExportEmpty], cancellationToken);
            return;
        }

        // A fenced block shows the stored values verbatim, so nothing in them is rendered as markdown or links.
        var json = export.ToJsonString(Indented).Replace("```", "'''", StringComparison.Ordinal);
        await turn.ReplyAsync($"**{turn.Texts[TextKey.PersonalDataExportTitle]}**\n\n{turn.Texts.Format(TextKey.PersonalDataExportIntro, entries)}\n\n```\n{json}\n```",
            cancellationToken);
    }
}
