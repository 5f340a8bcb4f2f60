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
        foreach (var table in TestStorage.Tables.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter))
            {
                rows.Add((table.Name, row));
            }
        }

        return rows;
    }

    /// <summary>Row key and every string value of a row: where an id or a name could hide.</summary>
    public static IEnumerable<string> Texts(TableEntity row) =>
        row.Where(p => p.Key is not "PartitionKey").Select(p => p.Value).OfType<string>().Prepend(row.RowKey);
}
