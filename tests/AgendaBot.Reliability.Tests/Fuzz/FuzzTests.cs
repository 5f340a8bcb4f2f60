using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using AgendaBot.Features.Contributions;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Fuzz;

/// <summary>
/// Thousands of seeded bad requests at /api/messages of the running bot: never a 5xx, the bot stays healthy and still
/// works, and no stored row changes — apart from conversation references, which installation and membership events
/// store by design (that is how the bot can post proactively later; they hold ids only, no workshop data).
/// Builds on AgendaBot.Tests/BadInputTests (one example per kind of malformed body).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int Seed = 20_260_801;
    public const int Count = 3_000;
    private const int Parallel = 8;

    private readonly string prefix = $"fuzz{Guid.NewGuid():N}"[..14];
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer(new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = prefix,
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxAttempts"] = "1",
            ["WeeklyPosts:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    private static string Row(IReadOnlyDictionary<string, string> rows, string change) =>
        rows.TryGetValue(change[(change.IndexOf(' ', StringComparison.Ordinal) + 1)..], out var row) ? row[..Math.Min(300, row.Length)] : "(gone)";

    [Fact]
    public async Task Thousands_of_malformed_and_tampered_activities_get_no_5xx_and_change_no_stored_workshop_data()
    {
        var room = new Room(bot.Http, connector);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        await room.RegisterAsync(Anna, workshop);
        await room.RegisterAsync(Klaus, workshop, "Companies");
        await room.ContributeAsync(Anna, workshop, "Bürgerportal modernisieren");
        await room.ContributeAsync(Klaus, workshop, "WLAN im Rathaus");
        await room.ContributeAsync(Moderator, workshop, "Digitale Sprechstunde");
        var round = await room.StartVoteAsync(Moderator, workshop);
        var fuzzer = new ActivityFuzzer(Seed, new FuzzTarget(room, new Room(bot.Http, connector), workshop, round));
        // The set-up's contributions in quick succession reach the pinboard by a trailing redraw a moment later, which
        // stores what it sent: that write is the set-up's, so the snapshot waits for it.
        await Eventually.TrueAsync(() => bot.Services.GetRequiredService<PinboardPublisher>().IsSettled, what: "the pinboard caught up");
        var before = await StorageSnapshot.TakeAsync(AzuriteServer.Shared.ConnectionString, prefix);

        // A plain client: the test's own client would write every card answer to the card corpus.
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new ConcurrentDictionary<int, int>();
        var kinds = new ConcurrentDictionary<string, int>();
        var serverErrors = new ConcurrentQueue<string>();
        await System.Threading.Tasks.Parallel.ForEachAsync(fuzzer.Cases(Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel },
            async (fuzzCase, cancellationToken) =>
            {
                using var content = new ByteArrayContent(fuzzCase.Body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("api/messages", content, cancellationToken);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                kinds.AddOrUpdate(fuzzCase.Kind, 1, (_, n) => n + 1);
                if ((int)response.StatusCode >= 500)
                {
                    serverErrors.Enqueue($"{fuzzCase.Kind} → {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(fuzzCase.Body[..Math.Min(600, fuzzCase.Body.Length)])}");
                }
            });

        var after = await StorageSnapshot.TakeAsync(AzuriteServer.Shared.ConnectionString, prefix);
        var changes = StorageSnapshot.Differences(before, after);
        var allowed = changes.Where(c => c.StartsWith("added: Conversations / ", StringComparison.Ordinal)).ToList();
        output.WriteLine($"seed={Seed} inputs={Count} parallel={Parallel} " +
            $"kinds=[{string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}"))}] " +
            $"statuses=[{string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"))}] " +
            $"server-errors={serverErrors.Count} rows-before={before.Count} changed-rows={changes.Count - allowed.Count} conversation-references-added={allowed.Count}");

        Assert.Empty(serverErrors);
        Assert.Equal(Count, statuses.Values.Sum());
        var forbidden = changes.Except(allowed).ToList();
        Assert.True(forbidden.Count == 0, $"stored rows changed:\n{string.Join("\n", forbidden.Take(12).Select(c => $"{c} → {Row(after, c)}"))}");
        Assert.Equal("Healthy", await http.GetStringAsync("healthz"));
        // Still working: a legitimate click after the storm is counted.
        var ballot = await room.ClickAsync(Anna, "vote.cast", Ballot(workshop, round, (1, 4)));
        Assert.Contains("Ihre Stimme ist gezählt.", Texts(ballot["value"]));
    }
}
