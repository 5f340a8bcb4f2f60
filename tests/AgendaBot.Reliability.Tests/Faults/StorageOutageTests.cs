using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>
/// Azurite goes away for ten seconds while people work: they are told plainly that the data cannot be reached (never a
/// 500), and the posts waiting in the outbox go out, each once, when storage is back — also the one whose send Teams
/// confirmed in the middle of the outage. Builds on AgendaBot.Tests/StorageOutageTests (storage never there at all).
/// </summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    public const int QueuedPosts = 5;
    private const string StatusChannel = "19:status@thread.tacv2";
    private const string Unavailable = "Ich kann gerade nicht auf die Daten zugreifen.";

    private readonly string location = Path.Combine(Path.GetTempPath(), $"agendabot-outage-{Guid.NewGuid():N}");
    private AzuriteServer azurite = null!;
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        azurite = AzuriteServer.StartDedicated(location);
        connector = await FaultBot.ConnectorAsync();
        var settings = FaultBot.Settings(azurite.ConnectionString, "outage").ToDictionary(s => s.Key, s => (string?)s.Value);
        // One post in flight at a time, so that the others wait in the queue; the lease outlives the outage.
        settings["Delivery:MaxConcurrency"] = "1";
        settings["Delivery:VisibilityTimeout"] = "00:00:30";
        settings["Delivery:PollInterval"] = "00:00:00.05";
        settings["Delivery:MaxPollInterval"] = "00:00:00.5";
        settings["Delivery:RetryBaseDelay"] = "00:00:00.2";
        bot = new BotServer(settings);
        await bot.Services.GetRequiredService<StorageTables>().EnsureCreatedAsync();
        await bot.Services.GetRequiredService<DeliveryStorage>().EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        connector.Release();
        await bot.DisposeAsync();
        await connector.DisposeAsync();
        azurite.Dispose();
        Directory.Delete(location, recursive: true);
    }

    [Fact]
    public async Task During_an_outage_people_are_told_storage_is_unavailable_and_queued_posts_go_out_once_it_is_back()
    {
        var room = new Room(bot.Http, connector);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        await room.RegisterAsync(Anna, workshop);
        var tenant = new TenantScope(room.TenantId);
        await bot.Services.GetRequiredService<ConversationReferenceRepository>().SaveAsync(new ConversationReference(
            room.TenantId, StatusChannel, connector.ServiceUrl, TeamsActivities.BotId, "channel", room.TeamId, StatusChannel,
            UserId: null, DateTimeOffset.UtcNow));
        connector.Hold(path => path.Contains(StatusChannel, StringComparison.Ordinal));
        var outbox = bot.Services.GetRequiredService<Outbox>();
        for (var i = 1; i <= QueuedPosts; i++)
        {
            await outbox.EnqueueAsync(tenant, new ProactivePost(StatusChannel, new Activity { Text = $"Wochenstatus {i}" }), $"outage|{i}");
        }

        azurite.Stop();
        var answered = 0;
        var clock = Stopwatch.StartNew();
        // The outage lasts its ten seconds; what is asserted is every answer given meanwhile.
        while (clock.Elapsed < Outage)
        {
            var click = await room.PostAsync(room.Click(Anna, "contribution.add",
                new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = $"Idee {answered}" }));
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            Assert.StartsWith(Unavailable, Toast((await click.Content.ReadFromJsonAsync<JsonObject>())!), StringComparison.Ordinal);

            var before = connector.Calls.Count;
            var message = await room.SayAsync(Anna, "meine daten", Scope.Personal);
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            var reply = (await connector.WaitForCallsAsync(before + 1, TimeSpan.FromSeconds(60)))[before];
            Assert.StartsWith(Unavailable, reply.Text, StringComparison.Ordinal);
            answered += 2;
            // Teams answers the post in flight while storage is still away: the bot must record it as sent once storage
            // is back, not send it again.
            connector.Release();
        }

        azurite.Restart();

        var statusPosts = await Eventually.ReturnsAsync(
            () => Task.FromResult(connector.Calls.Where(c => c.Path.Contains("status", StringComparison.Ordinal)).Select(c => c.Text).ToList()),
            texts => texts.Distinct().Count() == QueuedPosts, what: "every queued post delivered");
        await Eventually.ReturnsAsync(
            async () => (await bot.Services.GetRequiredService<DeliveryStorage>().Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount,
            count => count == 0, what: "the outbox empty");
        var after = await room.ContributeAsync(Anna, workshop, "Nach dem Ausfall");
        output.WriteLine($"outage={Outage.TotalSeconds}s answered-during-outage={answered} queued={QueuedPosts} " +
            $"delivered={connector.Calls.Count(c => c.Path.Contains("status", StringComparison.Ordinal))} lost=0");

        Assert.All(Enumerable.Range(1, QueuedPosts), i =>
            Assert.Single(connector.Calls, c => c.Path.Contains("status", StringComparison.Ordinal) && c.Text == $"Wochenstatus {i}"));
        Assert.StartsWith("Beitrag #1 ist gespeichert", Toast(after), StringComparison.Ordinal);
    }
}
