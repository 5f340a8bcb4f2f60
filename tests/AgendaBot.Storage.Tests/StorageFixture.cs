using AgendaBot.Storage;
using AgendaBot.Testing;

namespace AgendaBot.Storage.Tests;

/// <summary>The tables on the shared Azurite, created once; each test brings its own tenant.</summary>
public static class TestStorage
{
    private static readonly Lazy<StorageTables> SharedTables = new(() =>
    {
        var tables = new StorageTables(new StorageOptions { ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = "test" });
        tables.EnsureCreatedAsync().GetAwaiter().GetResult();
        return tables;
    });

    public static StorageTables Tables => SharedTables.Value;

    /// <summary>A tenant nobody else uses, so that tests never see each other's rows.</summary>
    public static TenantScope NewTenant() => new($"tenant-{Guid.NewGuid():N}");
}
