using Azure.Data.Tables;

namespace AgendaBot.Storage;

internal static class TableQueries
{
    /// <summary>All rows of one partition whose row key starts with <paramref name="prefix"/>; one round-trip per 1,000 rows.</summary>
    public static async Task<List<TableEntity>> PrefixAsync(this TableClient table, string partitionKey, string prefix,
        CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {Keys.PrefixEnd(prefix)}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey,
        CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
