using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Agendas;

/// <summary>
/// Who agreed, in their personal chat, to be named on the public pages beside the measures they are responsible for.
/// One row per person in the tenant's partition; withdrawing deletes it, and so does the person's erasure.
/// </summary>
public sealed class PublicNames(StorageTables tables)
{
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Agendas, Keys.PublicNamePrefix, RowErasure.Delete, [PersonalColumn.Owner()])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.PublicName) { At = "AgreedAt" } },
    ];

    private readonly TableClient table = tables.Agendas;
    private long changes;

    /// <summary>Counts agreements given and withdrawn on this instance, so that what a page remembers can tell it is stale.</summary>
    public long Changes => Interlocked.Read(ref changes);

    public async Task AgreeAsync(TenantScope scope, string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await table.UpsertEntityAsync(new TableEntity(Keys.TenantPartition(scope.TenantId), Keys.PublicNameRow(userId))
        {
            [PersonalColumn.PersonId] = userId, ["AgreedAt"] = now,
        }, TableUpdateMode.Replace, cancellationToken);
        Interlocked.Increment(ref changes);
    }

    /// <summary>Returns whether there was an agreement to withdraw.</summary>
    public async Task<bool> WithdrawAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var withdrawn = await table.DeleteIfPresentAsync(Keys.TenantPartition(scope.TenantId), Keys.PublicNameRow(userId), cancellationToken);
        Interlocked.Increment(ref changes);
        return withdrawn;
    }

    public async Task<bool> HasAgreedAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.PublicNameRow(userId), cancellationToken) is not null;

    /// <summary>The ids of everyone in the tenant who agreed.</summary>
    public async Task<IReadOnlySet<string>> AllAsync(TenantScope scope, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.TenantPartition(scope.TenantId), Keys.PublicNamePrefix, cancellationToken))
            .Select(r => r.GetString(PersonalColumn.PersonId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
