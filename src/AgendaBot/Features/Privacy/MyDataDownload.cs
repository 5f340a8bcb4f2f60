using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage.Exports;
using AgendaBot.Web;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// The person's complete export as a JSON file (GDPR Art. 20), kept in the export files' store and served by the web
/// front door's <c>/exports</c> under the same kind of random token as the agenda's files, for a shorter time: it holds
/// one person's data and sits in their chat.
/// </summary>
public sealed class MyDataDownload(ExportStore store, ImageLinks links, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    // Readable by people too: umlauts as they are, indented. The file is served as an attachment with nosniff, never as HTML.
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<MyDataDownloadLink?> SaveAsync(TurnContext turn, JsonObject export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(export);
        var now = clock.GetUtcNow();
        var file = new JsonObject { ["exportedAt"] = now.ToString("O", CultureInfo.InvariantCulture) };
        foreach (var (key, value) in export)
        {
            file[key] = value?.DeepClone();
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(file, Readable);
        if (bytes.Length > ExportStore.MaxBytes)
        {
            // Too large to keep as one file: the card still shows everything in words.
            return null;
        }

        var name = $"{turn.Texts[TextKey.MyDataFileName]}-{TimeZoneInfo.ConvertTime(now, Berlin):yyyy-MM-dd}.json";
        var token = await store.SaveAsync(turn.Tenant, new ExportFile(name, "application/json; charset=utf-8", bytes), Lifetime, cancellationToken);
        return new MyDataDownloadLink(new Uri(links.PublicBaseUrl(), ExportEndpoint.PathFor(token)).AbsoluteUri, now + Lifetime);
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
