using System.Globalization;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// The real bot on a loopback port and the real Agents Playground in front of it, as a user meets them: one instance
/// shared by the tests of a class (starting the Playground takes a moment, and it keeps its chats in memory).
/// </summary>
public sealed class TeamsPlayground : IAsyncLifetime
{
    private readonly Dictionary<string, BotMessage> welcomes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim installing = new(1, 1);
    private BotServer? bot;
    private PlaygroundProcess? playground;
    private BotMessageStream? messages;
    private HttpClient? http;
    private PlaygroundApi? api;

    internal PlaygroundApi Api => api ?? throw new InvalidOperationException("The playground is not started.");

    /// <summary>What Teams would use to fetch the pictures the bot links in its cards.</summary>
    internal HttpClient BotHttp => bot?.Http ?? throw new InvalidOperationException("The playground is not started.");

    /// <summary>The bot's services, for what no person does: the weekly scheduler's next run.</summary>
    internal IServiceProvider BotServices => bot?.Services ?? throw new InvalidOperationException("The playground is not started.");

    private BotMessageStream Messages => messages ?? throw new InvalidOperationException("The playground is not started.");

    public string PersonalChat => Api.PersonalChatId;

    public string Team => Api.TeamId;

    public string Channel(string name) => Api.ChannelId(name);

    public async Task InitializeAsync()
    {
        try
        {
            var root = AgendaBot.Testing.RepositoryRoot.Path;
            bot = new BotServer(new Dictionary<string, string?>
            {
                // The Playground always reports en-US; the people it stands in for expect German (run.sh does the same).
                ["Localization:ForceCulture"] = "de-DE",
                // Every Playground has the same tenant and team ids; own tables keep the agendas of test classes apart.
                ["Storage:TablePrefix"] = $"pg{Guid.NewGuid():N}",
            });
            // Next to the test results, so that CI keeps it and scripts/run-tests.sh clears it with them.
            var logDirectory = Directory.CreateDirectory(Path.Combine(root, "artifacts", "test-results")).FullName;
            var logFile = Path.Combine(logDirectory,
                $"playground-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.log");
            playground = await PlaygroundProcess.StartAsync(root, bot.MessagesEndpoint, logFile);
            messages = await BotMessageStream.ConnectAsync(playground.BaseAddress, Diagnostics);
            http = new HttpClient { BaseAddress = playground.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            api = new PlaygroundApi(http, Diagnostics);
            await api.LoadConfigAsync();
        }
        catch
        {
            // Do not count on the runner disposing a fixture whose start failed: the node process must not outlive the run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Installs the bot in a chat or team once, and returns the welcome it posted there. Waiting for it matters:
    /// the install events and a first message can otherwise overtake each other.
    /// </summary>
    public async Task<BotMessage> InstallAsync(string conversationId)
    {
        await installing.WaitAsync();
        try
        {
            if (!welcomes.TryGetValue(conversationId, out var welcome))
            {
                Messages.DiscardUnread(conversationId);
                await Api.InstallAsync(conversationId);
                welcomes[conversationId] = welcome = await Messages.NextAsync(conversationId);
            }

            return welcome;
        }
        finally
        {
            installing.Release();
        }
    }

    /// <summary>The user writes in a chat; returns the bot's answer (in a channel: in the thread the message started).</summary>
    public async Task<BotMessage> SayAsync(string conversationId, string text, bool mentionBot = false)
    {
        // Before posting: the bot is called once the POST has returned, so its answer may already be on its way then.
        Messages.DiscardUnread(conversationId);
        var answeredIn = await Api.SayAsync(conversationId, text, mentionBot);
        return await Messages.NextAsync(answeredIn);
    }

    /// <summary>@mentions the bot, as channels and group chats require.</summary>
    public Task<BotMessage> MentionAsync(string conversationId, string text) => SayAsync(conversationId, text, mentionBot: true);

    /// <summary>Waits for the bot's next message (or update of one) in a conversation.</summary>
    public Task<BotMessage> NextMessageAsync(string conversationId, TimeSpan? timeout = null) => Messages.NextAsync(conversationId, timeout);

    public void DiscardUnread(string conversationId) => Messages.DiscardUnread(conversationId);

    /// <summary>The bot's messages in a conversation that arrived and were not read yet.</summary>
    public IReadOnlyList<BotMessage> TakeUnread(string conversationId) => Messages.TakeUnread(conversationId);

    private string Diagnostics() => playground?.Diagnostics() ?? "(the Playground did not start)";

    // Safe to call twice: after a failed start here, and again should the runner dispose the fixture anyway.
    public async Task DisposeAsync()
    {
        if (messages is not null)
        {
            await messages.DisposeAsync();
            messages = null;
        }

        playground?.Dispose();
        playground = null;
        http?.Dispose();
        http = null;
        if (bot is not null)
        {
            await bot.DisposeAsync();
            bot = null;
        }
    }
}
