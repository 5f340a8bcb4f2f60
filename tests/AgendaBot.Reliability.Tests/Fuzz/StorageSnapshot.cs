using System.Text;
using Azure.Data.Tables;

namespace AgendaBot.Reliability.Tests.Fuzz;

/// <summary>Every row of every table with a given prefix, as "table / partition / row → properties", to compare before and after.</summary>
public static class StorageSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString, string tablePrefix)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var properties = new StringBuilder();
                foreach (var (key, value) in entity.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    properties.Append(key).Append('=').Append(value).Append(';');
                }

                rows[$"{table.Name[tablePrefix.Length..]} / {entity.PartitionKey} / {entity.RowKey}"] = properties.ToString();
            }
        }

        return rows;
    }

    /// <summary>Rows added, removed or changed between two snapshots.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
    [
        .. after.Keys.Except(before.Keys).Select(k => $"added: {k}"),
        .. before.Keys.Except(after.Keys).Select(k => $"removed: {k}"),
        .. before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).Select(k => $"changed: {k}"),
    ];
}
