using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Measures;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// The GDPR rights of access and erasure. Every row that belongs to a person carries a <c>PersonId</c> column, so
/// one filtered query per table, limited to the tenant's partitions, finds everything about them. What cannot be
/// found that way is read from the tenant's rows: moderator lists, owner changes, draft recipients
/// (<see cref="DraftRecipients"/>), and parked posts from before they named their person (<see cref="DeliveryRecords"/>).
/// </summary>
public sealed class PersonalDataService(StorageTables tables, DeliveryStorage delivery)
{
    private const string PersonId = "PersonId";

    // Who started a voting round: a person's id outside the PersonId column.
    private const string StartedBy = "StartedBy";

    // A named ballot's row key ends with the voter's id.
    private const string NamedBallotPrefix = "ballot|";

    // An owner change's columns with the old and the new owner's id, each with the column of their name.
    private static readonly (string Id, string Name)[] OwnerColumns = [("Before", MeasureRows.BeforeName), ("After", MeasureRows.AfterName)];

    private readonly DraftRecipients draftRecipients = new(tables);
    private readonly DeliveryRecords deliveryRecords = new(delivery);

    /// <summary>Everything stored about one person in one tenant, as a JSON document they can download.</summary>
    public async Task<JsonObject> ExportAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var export = new JsonObject { ["tenantId"] = scope.TenantId, ["userId"] = userId };
        foreach (var table in tables.All)
        {
            var rows = new JsonArray();
            await foreach (var row in FindAsync(table, scope, userId, cancellationToken))
            {
                rows.Add(IsCommentRound(table, row) ? DraftRecipients.Export(row, userId) : ExportJson.Row(row));
            }

            if (table.Name == tables.Measures.Name)
            {
                // Someone else's owner change names the person (id and name) as the old or new owner: the export shows
                // what it says about them, not who made it or the other owner.
                await foreach (var row in FindOwnerChangesAsync(scope, userId, cancellationToken))
                {
                    if (row.GetString(PersonId) != userId)
                    {
                        rows.Add(OwnerChangeToJson(row, userId));
                    }
                }

                foreach (var round in await draftRecipients.SentToAsync(scope, userId, cancellationToken))
                {
                    if (round.GetString(PersonId) != userId)
                    {
                        rows.Add(DraftRecipients.Export(round, userId));
                    }
                }
            }

            export[table.Name] = rows;
        }

        var chats = await PersonalChatsAsync(scope, userId, cancellationToken);
        export[deliveryRecords.OutboxName] = await deliveryRecords.ExportOutboxAsync(scope, userId, chats, cancellationToken);
        export[deliveryRecords.ParkedName] = await deliveryRecords.ExportParkedAsync(scope, userId, chats, cancellationToken);
        return export;
    }

    private static JsonObject OwnerChangeToJson(TableEntity row, string userId)
    {
        var item = ExportJson.Row(row, PersonId, "ChangedByName");
        foreach (var (column, nameColumn) in OwnerColumns.Where(c => row.GetString(c.Id) != userId))
        {
            item.Remove(column);
            item.Remove(nameColumn);
        }

        return item;
    }

    /// <summary>
    /// Erases a person: registrations, anonymous-vote markers, conversation references and what delivery kept about
    /// posts to them are deleted; what they contributed to the group's work (contributions, comments, named ballots,
    /// measure history, rounds they started) stays without their name or id, in any column or key; measures they owned
    /// lose their owner, drafts sent to them for comment their name. The tenant's export files, which may name them,
    /// are deleted. Returns how many rows were changed.
    /// </summary>
    public async Task<int> EraseAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        // Delivery rows first: parked posts from before they named their person are found by the conversation
        // references, which go with the tables below — so an erasure cut short finds them again when repeated.
        var changed = await deliveryRecords.EraseAsync(scope, userId, await PersonalChatsAsync(scope, userId, cancellationToken), cancellationToken);
        changed += await DeleteExportFilesAsync(scope, cancellationToken);
        foreach (var table in tables.All)
        {
            var rows = new List<TableEntity>();
            await foreach (var row in FindAsync(table, scope, userId, cancellationToken))
            {
                rows.Add(row);
            }

            foreach (var row in rows)
            {
                await EraseRowAsync(table, row, userId, cancellationToken);
                changed++;
            }
        }

        return changed + await RemoveFromModeratorListsAsync(scope, userId, cancellationToken)
            + await RemoveFromOwnerChangesAsync(scope, userId, cancellationToken)
            + await draftRecipients.EraseAsync(scope, userId, cancellationToken);
    }

    private async Task<List<string>> PersonalChatsAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var chats = new List<string>();
        await foreach (var row in FindAsync(tables.Conversations, scope, userId, cancellationToken))
        {
            chats.Add(row.GetString("ConversationId") ?? row.RowKey);
        }

        return chats;
    }

    // Export files (contributions and ballots as CSV, the agenda as DOCX/PDF) are snapshots that may name the person,
    // and their contents cannot be searched: all of the tenant's go. A new export makes them again, without the person.
    private async Task<int> DeleteExportFilesAsync(TenantScope scope, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"TenantId eq {scope.TenantId}");
        var files = await tables.Exports.ListAsync(filter, cancellationToken, select: ["PartitionKey", "RowKey"]);
        foreach (var file in files)
        {
            // One expired and swept meanwhile is gone already.
            await tables.Exports.DeleteIfPresentAsync(file.PartitionKey, file.RowKey, cancellationToken);
        }

        return files.Count;
    }

    private bool IsCommentRound(TableClient table, TableEntity row) =>
        table.Name == tables.Measures.Name && row.RowKey.StartsWith(Keys.CommentRoundPrefix, StringComparison.Ordinal);

    // A change of owner is the changer's history row, but its before and after values are the owners' ids, each with
    // the owner's name beside it: both go.
    private async Task<int> RemoveFromOwnerChangesAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in FindOwnerChangesAsync(scope, userId, cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            foreach (var (column, nameColumn) in OwnerColumns)
            {
                if (row.GetString(column) == userId)
                {
                    row[column] = TeamsUser.Anonymous.Id;
                    row.Remove(nameColumn);
                }
            }

            await tables.Measures.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }

        return rows.Count;
    }

    private AsyncPageable<TableEntity> FindOwnerChangesAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var (from, to) = Keys.TenantRange(scope.TenantId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {from} and PartitionKey lt {to} and Field eq {MeasureDiff.OwnerField} and (Before eq {userId} or After eq {userId})");
        return tables.Measures.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
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

    private async Task EraseRowAsync(TableClient table, TableEntity row, string userId, CancellationToken cancellationToken)
    {
        if (table.Name == tables.Workshops.Name && row.RowKey.StartsWith(Keys.ParticipantPrefix, StringComparison.Ordinal))
        {
            await FreeSeatAsync(row, cancellationToken);
            return;
        }

        if (IsDeletedOnErasure(table, row.RowKey))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return;
        }

        if (row.GetString(PersonId) == userId)
        {
            row.Remove(PersonId);
            foreach (var nameColumn in new[] { "Name", "AuthorName", "OwnerName", "ChangedByName", "LoggedByName", "ProjectLeadName", "StartedByName" })
            {
                if (row.ContainsKey(nameColumn))
                {
                    row[nameColumn] = string.Empty;
                }
            }
        }

        if (row.GetString(StartedBy) == userId)
        {
            row[StartedBy] = TeamsUser.Anonymous.Id;
        }

        if (row.RowKey.StartsWith(NamedBallotPrefix, StringComparison.Ordinal))
        {
            await MoveBallotToRandomKeyAsync(table, row, cancellationToken);
            return;
        }

        // Replace, not merge: a merge would keep the PersonId column that was just removed.
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
    }

    // The ballot stays, under a random key as anonymous ballots have, so that its key no longer names the voter.
    private static async Task MoveBallotToRandomKeyAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        var moved = new TableEntity(row.PartitionKey, Keys.BallotRow(row.GetString("RoundId"), Guid.NewGuid().ToString("N")));
        foreach (var (key, value) in row)
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            {
                moved[key] = value;
            }
        }

        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.Delete, row, ETag.All),
            new(TableTransactionActionType.Add, moved),
        ];
        await table.SubmitTransactionAsync(batch, cancellationToken);
    }

    // Registrations and "has voted" markers are about the person only; conversation references are their chat.
    // A registration goes together with its seat: the count on the header and the row change in one transaction.
    private async Task FreeSeatAsync(TableEntity participant, CancellationToken cancellationToken)
    {
        var workshops = tables.Workshops;
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var header = await workshops.FindAsync(participant.PartitionKey, Keys.WorkshopHeaderRow, cancellationToken);
            var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, participant, ETag.All) };
            if (header is not null && participant.GetBoolean("Waitlisted") != true)
            {
                header["ParticipantCount"] = Math.Max(0, (header.GetInt32("ParticipantCount") ?? 1) - 1);
                batch.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, header, header.ETag));
            }

            try
            {
                await workshops.SubmitTransactionAsync(batch, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException failure) when (failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

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
            $"(PartitionKey eq {tenant} or (PartitionKey ge {from} and PartitionKey lt {to})) and (PersonId eq {userId} or StartedBy eq {userId})");
        return table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
    }
}
