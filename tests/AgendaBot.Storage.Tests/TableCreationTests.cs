using AgendaBot.Storage.Delivery;
using AgendaBot.Testing;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests;

/// <summary>Locally every start creates the tables; where the deployment created them (Storage:CreateTables=false) no start does.</summary>
public sealed class TableCreationTests
{
    [Fact]
    public async Task A_start_creates_every_table_and_the_queue()
    {
        var options = new StorageOptions { ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = $"c{Guid.NewGuid():N}"[..20] };

        await new StorageTables(options).EnsureCreatedAsync();
        await new DeliveryStorage(options).EnsureCreatedAsync();

        Assert.Equal(10, await TablesAsync(options.TablePrefix));
        Assert.True((await new DeliveryStorage(options).Queue.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Where_the_deployment_creates_the_tables_a_start_creates_none()
    {
        var options = new StorageOptions
        {
            ConnectionString = AzuriteServer.Shared.ConnectionString, TablePrefix = $"n{Guid.NewGuid():N}"[..20], CreateTables = false,
        };

        await new StorageTables(options).EnsureCreatedAsync();
        await new DeliveryStorage(options).EnsureCreatedAsync();

        Assert.Equal(0, await TablesAsync(options.TablePrefix));
        Assert.False((await new DeliveryStorage(options).Queue.ExistsAsync()).Value);
    }

    private static async Task<int> TablesAsync(string prefix)
    {
        var count = 0;
        await foreach (var table in new TableServiceClient(AzuriteServer.Shared.ConnectionString).QueryAsync())
        {
            count += table.Name.StartsWith(prefix, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
