using AgendaBot.Storage;
using AgendaBot.Testing;

namespace AgendaBot.Benchmarks;

/// <summary>The bot's tables in the tests' Azurite (in memory, free loopback ports), created once.</summary>
internal static class BenchStorage
{
    private static readonly Lazy<Task<StorageTables>> Tables = new(async () =>
    {
        var tables = new StorageTables(new StorageOptions { ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = "bench" });
        await tables.EnsureCreatedAsync();
        return tables;
    });

    public static Task<StorageTables> TablesAsync() => Tables.Value;
}
