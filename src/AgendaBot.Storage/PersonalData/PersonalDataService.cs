using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// The GDPR rights of access and erasure. Every row that belongs to a person carries a <c>PersonId</c> column, so
/// one filtered query per table, limited to the tenant's partitions, finds everything about them.
/// </summary>
public sealed class PersonalDataService(StorageTables tables)
{
    private const string PersonId = "PersonId";

    /// <summary>Everything stored about one person in one tenant, as a JSON document they can download.</summary>
    public async Task<JsonObject> ExportAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var export = new JsonObject { ["tenantId"] = scope.TenantId, ["userId"] = userId };
        foreach (var table in tables.All)
        {
            var rows = new JsonArray();
            await foreach (var row in FindAsync(table, scope, userId, cancellationToken))
            {
                var item = new JsonObject();
                foreach (var (key, value) in row)
                {
                    if (key is "odata.etag" or "PartitionKey")
                    {
                        continue;
                    }

                    item[key] = value switch
                    {
                        null => null,
                        DateTimeOffset at => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        string text => text,
                        bool flag => flag,
                        int number => number,
                        long number => number,
                        double number => number,
                        _ => value.ToString(),
                    };
                }

                rows.Add(item);
            }

            export[table.Name] = rows;
        }

        return export;
    }

    /// <summary>
    /// Erases a person: registrations, anonymous-vote markers and conversation references are deleted; what they
    /// contributed to the group's work (contributions, comments, named ballots, measure history) stays without
    /// their name or id; measures they owned lose their owner. Returns how many rows were changed.
    /// </summary>
    public async Task<int> EraseAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var table in tables.All)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in FindAsync(table, scope, userId, cancellationToken))
            {
                rows.Add(row);
            }

            foreach (var row in rows)
            {
                await EraseRowAsync(table, row, cancellationToken);
                changed++;
            }
        }

        return changed + await RemoveFromModeratorListsAsync(scope, userId, cancellationToken);
    }

    // Moderator ids sit in a JSON list on the workshop header, which no filter can search: read the tenant's headers.
    private async Task<int> RemoveFromModeratorListsAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var (from, to) = Keys.TenantRange(scope.TenantId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and RowKey eq {Keys.WorkshopHeaderRow}");
        var changed = 0;
        await foreach (var row in tables.Workshops.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var moderators = System.Text.Json.JsonSerializer.Deserialize(row.GetString("Moderators") ?? "[]", StorageJson.Default.ListString) ?? [];
            if (moderators.Remove(userId))
            {
                row["Moderators"] = System.Text.Json.JsonSerializer.Serialize(moderators, StorageJson.Default.ListString);
                await tables.Workshops.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    private async Task EraseRowAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        if (IsDeletedOnErasure(table, row.RowKey))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return;
        }

        row.Remove(PersonId);
        foreach (var nameColumn in new[] { "Name", "AuthorName", "OwnerName", "ChangedByName", "LoggedByName", "ProjectLeadName" })
        {
            if (row.ContainsKey(nameColumn))
            {
                row[nameColumn] = string.Empty;
            }
        }

        // Replace, not merge: a merge would keep the PersonId column that was just removed.
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
    }

    // Registrations and "has voted" markers are about the person only; conversation references are their chat.
    private bool IsDeletedOnErasure(TableClient table, string rowKey) =>
        table.Name == tables.Conversations.Name
        || rowKey.StartsWith(Keys.ParticipantPrefix, StringComparison.Ordinal)
        || rowKey.StartsWith("voted|", StringComparison.Ordinal)
        || rowKey.StartsWith("member|", StringComparison.Ordinal);

    private static AsyncPageable<TableEntity> FindAsync(TableClient table, TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        // The Agendas and Conversations tables are partitioned by the tenant alone, the others by "tenant|…".
        var (from, to) = Keys.TenantRange(scope.TenantId);
        var tenant = Keys.TenantPartition(scope.TenantId);
        var filter = TableClient.CreateQueryFilter(
            $"(PartitionKey eq {tenant} or (PartitionKey ge {from} and PartitionKey lt {to})) and PersonId eq {userId}");
        return table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }
}
