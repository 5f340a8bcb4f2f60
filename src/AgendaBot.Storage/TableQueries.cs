using Azure;
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
        return await table.ListAsync(filter, cancellationToken);
    }

    /// <summary>Every row the filter matches, read to the end before the caller changes any of them.</summary>
    public static async Task<List<TableEntity>> ListAsync(this TableClient table, string filter, CancellationToken cancellationToken,
        IEnumerable<string>? select = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Deletes a row whatever its version; a row gone already is fine. Returns whether this call deleted it.</summary>
    public static async Task<bool> DeleteIfPresentAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
            return false;
        }
    }

    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey,
        CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
