using System.Text.Json.Nodes;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Workshops;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// The GDPR rights of access and erasure, driven by what each kind of row declares about people
/// (<see cref="PersonalDataRegistry"/>): rows that are a person's carry their id in a declared owner column (mostly
/// <c>PersonId</c>) or name one of their personal chats; rows of others name them in declared columns or lists.
/// </summary>
public sealed class PersonalDataService(StorageTables tables, DeliveryStorage delivery)
{
    private readonly PersonalDataTables stored = new(tables, delivery);
    private readonly PersonalRows rows = new(new PersonalDataTables(tables, delivery));

    /// <summary>Everything stored about one person in one tenant, as a JSON document they can download.</summary>
    public async Task<JsonObject> ExportAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var export = new JsonObject { ["tenantId"] = scope.TenantId, ["userId"] = userId };
        foreach (var (table, found) in await FoundAsync(scope, userId, cancellationToken))
        {
            export[stored[table].Name] = new JsonArray([.. found.Select(f => f.Theirs ? RowExport.Theirs(f.Row, userId) : RowExport.Naming(f.Row, userId))]);
        }

        return export;
    }

    /// <summary>
    /// The same rows as <see cref="ExportAsync"/>, each as what it is for the person (<see cref="StoredRow.ForPerson"/>),
    /// with its workshop, measure and round: for the "meine daten" card and the erasure preview.
    /// </summary>
    public async Task<IReadOnlyList<PersonalItem>> OverviewAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var describe = new PersonalItems(stored, scope);
        var items = new List<PersonalItem>();
        foreach (var (_, found) in await FoundAsync(scope, userId, cancellationToken))
        {
            foreach (var (row, theirs) in found)
            {
                items.Add(await describe.ItemAsync(row, theirs, cancellationToken));
            }
        }

        return items;
    }

    // The rows of the person's export, table by table: theirs, then the rows of others that show them.
    private async Task<List<(StoredTable Table, List<(FoundRow Row, bool Theirs)> Found)>> FoundAsync(TenantScope scope, string userId,
        CancellationToken cancellationToken)
    {
        var person = await rows.PersonAsync(scope, userId, cancellationToken);
        var tables = new List<(StoredTable, List<(FoundRow, bool)>)>();
        foreach (var table in PersonalDataRegistry.Exported)
        {
            var found = (await rows.TheirsAsync(table, scope, person, cancellationToken)).Select(f => (f, true)).ToList();
            found.AddRange((await rows.NamingAsync(table, scope, userId, shownOnly: true, cancellationToken))
                .Where(f => !PersonalRows.IsTheirs(f, person)).Select(f => (f, false)));
            tables.Add((table, found));
        }

        return tables;
    }

    /// <summary>
    /// Where a person appears before they are erased: the workshops and agendas with a row that is theirs or names them,
    /// so that the cards posted there can be drawn again once the rows no longer name them. Reads only.
    /// </summary>
    public async Task<PersonalDataReach> ReachAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var person = await rows.PersonAsync(scope, userId, cancellationToken);
        var workshops = new SortedSet<string>(StringComparer.Ordinal);
        var agendas = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { StoredTable.Workshops, StoredTable.Measures })
        {
            var found = (await rows.TheirsAsync(table, scope, person, cancellationToken))
                .Concat(await rows.NamingAsync(table, scope, userId, shownOnly: false, cancellationToken));
            foreach (var partition in found.Select(f => f.Row.PartitionKey).Distinct(StringComparer.Ordinal))
            {
                if (table == StoredTable.Measures)
                {
                    agendas.Add(Keys.LastPart(partition));
                }
                else if (await stored[table].FindAsync(partition, Keys.WorkshopHeaderRow, cancellationToken) is { } header)
                {
                    workshops.Add(header.GetString("WorkshopId"));
                    agendas.Add(header.GetString("AgendaId"));
                }
            }
        }

        return new PersonalDataReach(workshops, agendas);
    }

    /// <summary>
    /// Erases a person: rows about them only are deleted (registrations, vote markers, conversation references, what
    /// delivery kept about posts to them); what they did for the group (contributions, comments, named ballots, measure
    /// history, rounds they started) stays without their name or id, in any column or key; measures they owned lose
    /// their owner, owner changes, moderator lists and drafts sent to them lose them. The tenant's export files, which
    /// may name them, are deleted. Returns how many rows were changed.
    /// </summary>
    public async Task<int> EraseAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var person = await rows.PersonAsync(scope, userId, cancellationToken);
        var changed = 0;
        foreach (var table in PersonalDataRegistry.ErasureOrder)
        {
            foreach (var kind in PersonalDataRegistry.In(table).Where(k => k.Erasure == RowErasure.DeleteAllOfTenant))
            {
                changed += await DeleteAllAsync(kind, scope, cancellationToken);
            }

            foreach (var found in await rows.TheirsAsync(table, scope, person, cancellationToken))
            {
                changed += await EraseTheirsAsync(scope, found, userId, cancellationToken) ? 1 : 0;
            }
        }

        // Rows of others after the person's own, each in a write of its own: an owner change they made and that names
        // them is changed (and counted) twice.
        foreach (var table in PersonalDataRegistry.ErasureOrder)
        {
            foreach (var found in await rows.NamingAsync(table, scope, userId, shownOnly: false, cancellationToken))
            {
                await RemoveFromAsync(stored[table], found, userId, cancellationToken);
                changed++;
            }
        }

        return changed;
    }

    private async Task<bool> EraseTheirsAsync(TenantScope scope, FoundRow found, string userId, CancellationToken cancellationToken)
    {
        var table = stored[found.Kind.Table];
        var row = found.Row;
        switch (found.Kind.Erasure)
        {
            case RowErasure.Delete:
                return await table.DeleteIfPresentAsync(row.PartitionKey, row.RowKey, cancellationToken);
            case RowErasure.DeleteWithBody:
                return await new ParkedPosts(delivery).DeleteWithBodyAsync(scope, row, cancellationToken);
            case RowErasure.DeleteRegistration:
                await new WorkshopRepository(tables).DeleteRegistrationAsync(row, cancellationToken);
                return true;
            case RowErasure.Rekey:
                ColumnErasure.FromOwnerColumns(found, userId);
                await RekeyAsync(table, row, cancellationToken);
                return true;
            default:
                ColumnErasure.FromOwnerColumns(found, userId);
                // Replace, not merge: a merge would keep the columns that were just removed.
                await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace, cancellationToken);
                return true;
        }
    }

    // The key's last part named the person: a random one takes its place, in one transaction with the delete.
    private static async Task RekeyAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        var moved = new TableEntity(row.PartitionKey, row.RowKey[..(row.RowKey.LastIndexOf(Keys.Separator) + 1)] + Guid.NewGuid().ToString("N"));
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

    // Each row is one conditional write; a row changed meanwhile (a draft reported by the deadline watcher, a workshop
    // header whose count changed with a registration) is read again.
    private static async Task RemoveFromAsync(TableClient table, FoundRow found, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            ColumnErasure.FromNamingColumns(found, userId);
            try
            {
                await table.UpdateEntityAsync(found.Row, found.Row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException failure) when (failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
                if (await table.FindAsync(found.Row.PartitionKey, found.Row.RowKey, cancellationToken) is not { } fresh)
                {
                    return;
                }

                found = found with { Row = fresh };
            }
            catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
            {
                return;
            }
        }

        throw Failures.StaleWrite();
    }

    private async Task<int> DeleteAllAsync(StoredRow kind, TenantScope scope, CancellationToken cancellationToken)
    {
        var all = await rows.AllOfTenantAsync(kind, scope, cancellationToken);
        foreach (var row in all)
        {
            // One expired and swept meanwhile is gone already.
            await stored[kind.Table].DeleteIfPresentAsync(row.PartitionKey, row.RowKey, cancellationToken);
        }

        return all.Count;
    }
}

/// <summary>The workshops and agendas in which a person appears (<see cref="PersonalDataService.ReachAsync"/>).</summary>
public sealed record PersonalDataReach(IReadOnlySet<string> WorkshopIds, IReadOnlySet<string> AgendaIds);
