using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Domain.Agendas;

namespace AgendaBot.Web.Pages;

/// <summary>The published plan as open data: CSV for a spreadsheet (German Excel: semicolons, UTF-8 with BOM) and JSON.</summary>
public static class OpenData
{
    public static byte[] Csv(PublishedAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var csv = new StringBuilder();
        csv.AppendLine("Nr;Maßnahme;Beschreibung;Beginn;Ende;Stand;Fortschritt;Haushalt nächstes Jahr;Zuletzt aktualisiert");
        foreach (var m in agenda.Measures)
        {
            csv.AppendJoin(';',
            [
                m.Number.ToString(CultureInfo.InvariantCulture), Field(m.Title), Field(m.Description ?? string.Empty),
                m.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, m.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                m.Status.ToString(), m.Progress.ToString(CultureInfo.InvariantCulture), m.NextBudgetYear ? "ja" : "nein",
                m.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ]).AppendLine();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Json(PublishedAgenda agenda) => JsonSerializer.SerializeToUtf8Bytes(agenda, OpenDataJson.Default.PublishedAgenda);

    // Quoted when needed; a leading = + - @ would be a formula in a spreadsheet, so such text gets a leading apostrophe.
    private static string Field(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(PublishedAgenda))]
internal sealed partial class OpenDataJson : JsonSerializerContext;
