using AgendaBot.Testing;
using Azure.Data.Tables;

namespace AgendaBot.Tests.Voting;

/// <summary>A row as someone with full read access to the storage account sees it: table, keys, columns, Timestamp.</summary>
internal sealed record StoredRow(string Table, TableEntity Row)
{
    public string Key => $"{Table} / {Row.PartitionKey} / {Row.RowKey}";

    public DateTimeOffset Timestamp => Row.Timestamp ?? default;

    /// <summary>Every row of every table whose name begins with the prefix (a room's own tables), read past the bot.</summary>
    public static async Task<IReadOnlyList<StoredRow>> AllAsync(string tablePrefix)
    {
        var service = new TableServiceClient(AzuriteServer.Shared.ConnectionString);
        var rows = new List<StoredRow>();
        await foreach (var table in service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {tablePrefix} and TableName lt {tablePrefix + "~"}")))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(new StoredRow(table.Name[tablePrefix.Length..], row));
            }
        }

        return rows;
    }
}
