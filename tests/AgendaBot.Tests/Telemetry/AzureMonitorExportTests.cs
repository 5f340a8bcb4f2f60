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
        // Flushes until everything arrived: on a busy machine a span may end after a flush, or a send time out and be
        // kept for a retry — one flush alone then misses it (this test failed that way once in a CI run).
        Predicate<string>[] expected =
        [
            item => item.Contains("\"handle message\"", StringComparison.Ordinal) && item.Contains(activityId, StringComparison.Ordinal),
            item => item.Contains("agendabot.activities", StringComparison.Ordinal),
            item => item.Contains("\"MessageData\"", StringComparison.Ordinal),
            item => item.Contains("\"connector ReplyToActivity\"", StringComparison.Ordinal),
            item => item.Contains("TableClient.", StringComparison.Ordinal),
        ];
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!expected.All(e => received.Any(item => e(item))) && DateTimeOffset.UtcNow < deadline)
        {
            bot.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
            bot.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
            bot.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000);
            await Task.Delay(200);
        }

        await bot.DisposeAsync();
        leftovers.Delete(recursive: true);

        Assert.Contains(received, expected[0]);
        Assert.Contains(received, expected[1]);
        Assert.Contains(received, expected[2]);
        Assert.Contains(received, expected[3]);
        Assert.Contains(received, expected[4]);
    }
}
