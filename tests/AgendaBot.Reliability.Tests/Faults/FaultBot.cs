using AgendaBot.Storage;
using AgendaBot.Testing;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>Settings shared by the fault tests: their own tables, short connector back-off, no background posts of their own.</summary>
internal static class FaultBot
{
    public static Dictionary<string, string> Settings(string connectionString, string tablePrefix) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:TablePrefix"] = tablePrefix,
        ["Connector:BaseDelay"] = "00:00:00.050",
        ["WeeklyPosts:Enabled"] = "false",
        ["Voting:DeadlinePollInterval"] = "1.00:00:00",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static string NewPrefix(string kind) => $"{kind}{Guid.NewGuid():N}"[..14];

    public static StorageTables Tables(string connectionString, string tablePrefix) =>
        new(new StorageOptions { ConnectionString = connectionString, TablePrefix = tablePrefix });

    public static Task<RecordingConnector> ConnectorAsync() => RecordingConnector.StartAsync();
}

/// <summary>A bot process on the shared Azurite, with tables of its own, answering to a recording connector.</summary>
internal sealed class FaultRig : IAsyncDisposable
{
    private FaultRig(string prefix, RecordingConnector connector, BotProcess bot) => (Prefix, Connector, Bot) = (prefix, connector, bot);

    public string Prefix { get; }
    public RecordingConnector Connector { get; }
    public BotProcess Bot { get; }

    public StorageTables Tables => FaultBot.Tables(AzuriteServer.Shared.ConnectionString, Prefix);

    public static async Task<FaultRig> StartAsync(string kind)
    {
        var prefix = FaultBot.NewPrefix(kind);
        var connector = await FaultBot.ConnectorAsync();
        return new FaultRig(prefix, connector, await BotProcess.StartAsync(FaultBot.Settings(AzuriteServer.Shared.ConnectionString, prefix)));
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
