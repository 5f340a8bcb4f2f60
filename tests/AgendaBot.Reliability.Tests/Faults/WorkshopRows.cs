using Azure.Data.Tables;
using AgendaBot.Storage;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>Reads a workshop's rows straight from the table, to count what the bot stored.</summary>
internal sealed class WorkshopRows(StorageTables tables, string tenantId, string workshopId)
{
    public async Task<int> CountAsync(string rowKeyPrefix)
    {
        var partition = Keys.WorkshopPartition(tenantId, workshopId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {rowKeyPrefix} and RowKey lt {Keys.PrefixEnd(rowKeyPrefix)}");
        var count = 0;
        await foreach (var _ in tables.Workshops.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }
}
