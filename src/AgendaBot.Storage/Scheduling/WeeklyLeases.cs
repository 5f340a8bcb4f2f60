using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Scheduling;

/// <summary>The right to produce one agenda's post for one week, held by the instance that inserted the row.</summary>
public sealed record WeeklyLease(string AgendaId, string IsoWeek, ETag ETag);

/// <summary>
/// "Exactly one instance produces the weekly post": a lease row per agenda and ISO week, claimed with an insert, so
/// of several instances waking at the same minute only one gets it (the others see 409). A claim whose holder died
/// before it finished is taken over once it is stale; the outbox's idempotency key then keeps the post single.
/// </summary>
public sealed class WeeklyLeases(Delivery.DeliveryStorage storage)
{
    /// <summary>Checked for <see cref="PersonalDataRegistry"/>: the owner of a lease is a bot instance, not a person.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
        [StoredRow.Nobody(StoredTable.Schedule, Keys.WeeklyLeasePrefix, PersonalColumn.NotAPerson("Owner"))];

    private readonly TableClient table = storage.Schedule;

    public async Task<WeeklyLease?> TryClaimAsync(TenantScope scope, string agendaId, string isoWeek, string owner, DateTimeOffset now,
        TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = new TableEntity(Keys.SchedulePartition(scope.TenantId), Keys.WeeklyLeaseRow(agendaId, isoWeek))
        {
            ["AgendaId"] = agendaId,
            ["Week"] = isoWeek,
            ["Owner"] = owner,
            ["ClaimedAt"] = now,
            ["Done"] = false,
        };
        try
        {
            var added = await table.AddEntityAsync(row, cancellationToken);
            return new WeeklyLease(agendaId, isoWeek, added.Headers.ETag ?? default);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            // Someone else has this week; it is ours only if they died halfway.
        }

        var existing = await table.FindAsync(row.PartitionKey, row.RowKey, cancellationToken);
        if (existing is null || existing.GetBoolean("Done") == true || existing.GetDateTimeOffset("ClaimedAt") + staleAfter > now)
        {
            return null;
        }

        try
        {
            var taken = await table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return new WeeklyLease(agendaId, isoWeek, taken.Headers.ETag ?? default);
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            return null;
        }
    }

    /// <summary>The week's posts are in the outbox: nobody takes this lease over any more.</summary>
    public Task CompleteAsync(TenantScope scope, WeeklyLease lease, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(lease);
        var row = new TableEntity(Keys.SchedulePartition(scope.TenantId), Keys.WeeklyLeaseRow(lease.AgendaId, lease.IsoWeek))
        {
            ["Done"] = true,
            ["DoneAt"] = now,
        };
        return table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> IsDoneAsync(TenantScope scope, string agendaId, string isoWeek, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await table.FindAsync(Keys.SchedulePartition(scope.TenantId), Keys.WeeklyLeaseRow(agendaId, isoWeek), cancellationToken);
        return row?.GetBoolean("Done") == true;
    }
}
