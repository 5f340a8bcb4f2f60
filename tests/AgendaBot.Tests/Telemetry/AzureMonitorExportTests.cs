using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.Http.Json;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgendaBot.Tests.Telemetry;

/// <summary>
/// With a connection string, the real Azure Monitor exporter sends the bot's telemetry to the ingestion endpoint it
/// names — here a local stand-in for Application Insights, so nothing leaves the machine.
/// </summary>
public sealed class AzureMonitorExportTests
{
    [Fact]
    public async Task Telemetry_goes_to_the_Azure_Monitor_endpoint_of_the_connection_string()
    {
        var received = new ConcurrentQueue<string>();
        await using var ingestion = await LoopbackServer.StartAsync(app => app.MapPost("/v2.1/track", async (HttpContext http) =>
        {
            var body = http.Request.Headers.ContentEncoding == "gzip"
                ? new GZipStream(http.Request.Body, CompressionMode.Decompress)
                : http.Request.Body;
            using var reader = new StreamReader(body);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            foreach (var line in lines)
            {
                received.Enqueue(line);
            }

            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        }));
        await using var connector = await RecordingConnector.StartAsync();
        // A folder of its own for what the exporter could not send: leftovers of earlier runs, which it sends first,
        // must not stand in for this run's telemetry (nor crowd it out).
        var leftovers = Directory.CreateTempSubdirectory("agendabot-azuremonitor-");
        var bot = new BotServer(new Dictionary<string, string?>
        {
            ["Telemetry:AzureMonitorConnectionString"] =
                $"InstrumentationKey=00000000-0000-0000-0000-00000000a9e1;IngestionEndpoint={ingestion.BaseAddress.AbsoluteUri}",
            ["Telemetry:AzureMonitorStorageDirectory"] = leftovers.FullName,
        });
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");
        var activityId = activity["id"]!.GetValue<string>();

        (await bot.Http.PostAsJsonAsync("api/messages", activity)).EnsureSuccessStatusCode();
        // Waits until the exporters have sent what they hold, however long the stand-in takes on a busy machine.
        bot.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Services.GetRequiredService<MeterProvider>().ForceFlush();
        bot.Services.GetRequiredService<LoggerProvider>().ForceFlush();
        await bot.DisposeAsync();
        leftovers.Delete(recursive: true);

        Assert.Contains(received, item => item.Contains("\"handle message\"", StringComparison.Ordinal) && item.Contains(activityId, StringComparison.Ordinal));
        Assert.Contains(received, item => item.Contains("agendabot.activities", StringComparison.Ordinal));
        Assert.Contains(received, item => item.Contains("\"MessageData\"", StringComparison.Ordinal));
        Assert.Contains(received, item => item.Contains("\"connector ReplyToActivity\"", StringComparison.Ordinal));
        Assert.Contains(received, item => item.Contains("TableClient.", StringComparison.Ordinal));
    }
}
