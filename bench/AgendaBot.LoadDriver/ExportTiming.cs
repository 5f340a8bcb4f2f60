using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;

namespace AgendaBot.LoadDriver;

/// <summary>How long "exportieren" takes to answer, and until its card shows the files (Word and CSV, then the PDF).</summary>
internal sealed record ExportTimingResult(double AnswerMs, double FilesMs, double ReadyMs, bool Pdf);

/// <summary>
/// The project lead exports the workshop day's agenda in its first channel: the answer is the HTTP 200 of the message
/// (the card that says the files are being made went to the connector before it); "files" is the card's first update
/// with download links, "ready" its last (with the PDF, or saying there is none).
/// </summary>
internal sealed class ExportTiming(HttpClient http, Channel town, ConnectorStandIn connector)
{
    public async Task<ExportTimingResult> MeasureAsync(string channelId)
    {
        connector.Tracking = true;
        var message = town.Invoke(Channel.Lead, "unused", new JsonObject(), channelId);
        message["type"] = "message";
        message.Remove("value");
        message.Remove("name");
        message["text"] = "<at>AgendaBot</at> exportieren";
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "AgendaBot" }, ["text"] = "<at>AgendaBot</at>",
        });
        var started = Stopwatch.GetTimestamp();
        using (var response = await http.PostAsJsonAsync("api/messages", message))
        {
            response.EnsureSuccessStatusCode();
        }

        var answer = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        double? files = null;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var export = connector.LatestCards.Where(c => c.Key.Conversation == channelId).Select(c => c.Value)
                .FirstOrDefault(c => c.ToJsonString().Contains("/exports/", StringComparison.Ordinal));
            if (export is not null)
            {
                files ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var json = export.ToJsonString();
                var pdf = json.Contains("Dokument (PDF)", StringComparison.Ordinal);
                if (pdf || json.Contains("Ein PDF kann", StringComparison.Ordinal) || json.Contains("Die Umwandlung in PDF", StringComparison.Ordinal))
                {
                    connector.Tracking = false;
                    return new ExportTimingResult(answer, files.Value, Stopwatch.GetElapsedTime(started).TotalMilliseconds, pdf);
                }
            }

            await Task.Delay(20);
        }

        connector.Tracking = false;
        throw new TimeoutException("The export card was not complete within 3 minutes.");
    }
}
