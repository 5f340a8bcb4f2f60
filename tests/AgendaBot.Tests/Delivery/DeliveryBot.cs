using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Delivery;

/// <summary>
/// The real bot with its delivery worker, on its own queue and tables in the shared Azurite (nobody else's posts),
/// with short timeouts; Teams is a recording connector. Restart it to see what a new instance does with the queue.
/// </summary>
public sealed class DeliveryBot : IAsyncDisposable
{
    public const string Channel = "19:status@thread.tacv2";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    private DeliveryBot(RecordingConnector teams, Dictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        Teams = teams;
        this.settings = settings;
        this.configureServices = configureServices;
        Bot = new BotServer(settings, configureServices);
    }

    public RecordingConnector Teams { get; }

    public BotServer Bot { get; private set; }

    public TenantScope Tenant { get; } = new($"tenant-{Guid.NewGuid():N}");

    public T Get<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    public static async Task<DeliveryBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var merged = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = $"d{Guid.NewGuid():N}"[..16],
            ["Delivery:VisibilityTimeout"] = "00:00:02",
            // A worker that dies mid-send holds its post this long; long enough for a busy machine to renew it in time.
            ["Delivery:ClaimLifetime"] = "00:00:06",
            ["Delivery:PollInterval"] = "00:00:00.05",
            ["Delivery:MaxPollInterval"] = "00:00:00.2",
            ["Delivery:RetryBaseDelay"] = "00:00:00.2",
            ["Connector:BaseDelay"] = "00:00:00.05",
            // Scheduler tests run their own schedulers on a fake clock.
            ["WeeklyPosts:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var teams = await RecordingConnector.StartAsync();
        var bot = new DeliveryBot(teams, merged, configureServices);
        // The bot creates them in the background; the test must not race it.
        await bot.Get<StorageTables>().EnsureCreatedAsync();
        await bot.Get<DeliveryStorage>().EnsureCreatedAsync();
        return bot;
    }

    /// <summary>The bot was installed in this conversation: proactive posts may go there, to the recording connector.</summary>
    public Task InstallInAsync(string conversationId = Channel, DateTimeOffset? at = null) =>
        Get<ConversationReferenceRepository>().SaveAsync(new ConversationReference(
            Tenant.TenantId, conversationId, Teams.ServiceUrl, TeamsActivities.BotId, "channel", "19:team@thread.tacv2", conversationId,
            UserId: null, at ?? DateTimeOffset.UtcNow));

    public Task PostAsync(string key, string text = "Wochenstatus", string conversationId = Channel, string? agendaId = null,
        string? updateActivityId = null) =>
        Get<Outbox>().EnqueueAsync(Tenant, new ProactivePost(conversationId, new Activity { Text = text }, updateActivityId), key, agendaId);

    public Task<IReadOnlyList<ParkedPost>> ParkedAsync() => Get<ParkedPosts>().ListAsync(Tenant);

    /// <summary>Waits until something was parked for this tenant.</summary>
    public async Task<IReadOnlyList<ParkedPost>> WaitForParkedAsync(int count = 1)
    {
        return await Eventually.ReturnsAsync(ParkedAsync, parked => parked.Count >= count);
    }

    /// <summary>Stops this instance as a deployment or a crash would (in-flight sends are cut off) and starts a new one on the same queue.</summary>
    public async Task RestartAsync()
    {
        await Bot.DisposeAsync();
        Bot = new BotServer(settings, configureServices);
    }

    /// <summary>Messages still in the queue, visible or not.</summary>
    public async Task<int> QueuedAsync() => (await Get<DeliveryStorage>().Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
    }
}

/// <summary>Polls a condition that becomes true in the background, for at most a few seconds.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Delay(50);
        }
    }
}
