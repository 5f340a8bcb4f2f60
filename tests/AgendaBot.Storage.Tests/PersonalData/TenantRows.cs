using AgendaBot.Storage.Tests.Delivery;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>Every row of one tenant in every table, read straight from storage, past the repositories.</summary>
internal static class TenantRows
{
    public static async Task<IReadOnlyList<(string Table, TableEntity Row)>> AllAsync(TenantScope tenant)
    {
        var (from, to) = Keys.TenantRange(tenant.TenantId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Keys.TenantPartition(tenant.TenantId)} or (PartitionKey ge {from} and PartitionKey lt {to})");
        var rows = new List<(string, TableEntity)>();
        foreach (var table in Tables)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter))
            {
                rows.Add((table.Name, row));
            }
        }

        // Export files are stored under a random token, the tenant in a column.
        await foreach (var row in TestStorage.Tables.Exports.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TenantId eq {tenant.TenantId}")))
        {
            rows.Add((TestStorage.Tables.Exports.Name, row));
        }

        return rows;
    }

    /// <summary>The tables with a tenant's partitions: the bot's and delivery's.</summary>
    public static IEnumerable<TableClient> Tables =>
        TestStorage.Tables.All.Concat([TestDelivery.Storage.Outbox, TestDelivery.Storage.Parked]);

    /// <summary>Row key and every string value of a row, binary ones read as UTF-8: where an id or a name could hide.</summary>
    public static IEnumerable<string> Texts(TableEntity row) =>
        row.Where(p => p.Key is not "PartitionKey")
            .Select(p => p.Value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : p.Value)
            .OfType<string>()
            .Prepend(row.RowKey);
}
