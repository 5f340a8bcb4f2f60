using AgendaBot.Domain.Measures;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Measures;

/// <summary>Where an agenda's plan summary was posted (one activity per conversation), stored with its ETag.</summary>
public sealed record PlanPost(string ConversationId, string? ActivityId, DateTimeOffset ClaimedAt, ETag ETag);

/// <summary>
/// The follow-up rows of an agenda's plan, in the agenda's Measures partition: the posted summaries that are updated in
/// place, and the reminders already sent.
/// </summary>
public sealed class PlanFollowUpStore(StorageTables tables)
{
    /// <summary>Checked for <see cref="PersonalDataRegistry"/>: conversation, activity and measure ids only.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
        [StoredRow.Nobody(StoredTable.Measures, Keys.PlanPostPrefix), StoredRow.Nobody(StoredTable.Measures, Keys.ReminderPrefix)];

    private readonly TableClient table = tables.Measures;

    public async Task<IReadOnlyList<PlanPost>> GetPlanPostsAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.PlanPostPrefix, cancellationToken);
        return rows.Select(r => new PlanPost(r.GetString("ConversationId"), r.GetString("ActivityId"), r.GetDateTimeOffset("ClaimedAt") ?? default, r.ETag)).ToList();
    }

    /// <summary>
    /// Claims the first post of the summary into a conversation: of two handlers posting at once only one wins (an
    /// insert), so the conversation gets one summary. A claim older than <paramref name="takeOverAfter"/> without an
    /// activity (its holder died) is taken over. Returns the claim's ETag, or null when someone else holds it.
    /// </summary>
    public async Task<ETag?> TryClaimPlanPostAsync(TenantScope scope, string agendaId, string conversationId, DateTimeOffset now,
        TimeSpan takeOverAfter, CancellationToken cancellationToken = default)
    {
        var row = PostRow(scope, agendaId, conversationId, null, now);
        try
        {
            return (await table.AddEntityAsync(row, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            var existing = await table.FindAsync(row.PartitionKey, row.RowKey, cancellationToken);
            if (existing is null || existing.GetString("ActivityId") is not null || (existing.GetDateTimeOffset("ClaimedAt") ?? now) > now - takeOverAfter)
            {
                return null;
            }

            try
            {
                return (await table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
            }
            catch (RequestFailedException stale) when (stale.IsStale() || stale.Status == Failures.NotFound)
            {
                return null;
            }
        }
    }

    /// <summary>Remembers the posted activity, so later changes update it in place.</summary>
    public Task RememberPlanPostAsync(TenantScope scope, string agendaId, string conversationId, string activityId, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(PostRow(scope, agendaId, conversationId, activityId, now), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Gives a claim up after a failed post, so that the next change posts again.</summary>
    public async Task ReleasePlanPostAsync(TenantScope scope, string agendaId, string conversationId, ETag claim, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.PlanPostRow(conversationId), claim, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            // Taken over or gone: not ours to release.
        }
    }

    /// <summary>
    /// Claims the reminder of this measure and period: an insert, so of several instances looking at once only one
    /// reminds. False when it was claimed before.
    /// </summary>
    public async Task<bool> TryClaimReminderAsync(TenantScope scope, Measure measure, int period, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Keys.MeasurePartition(scope.TenantId, measure.AgendaId), Keys.ReminderRow(measure.Id, measure.UpdatedAt, period))
        {
            ["MeasureId"] = measure.Id,
            ["Period"] = period,
            ["RemindedAt"] = now,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            return false;
        }
    }

    /// <summary>The reminder could not be put into the outbox: the next pass tries again.</summary>
    public async Task ReleaseReminderAsync(TenantScope scope, Measure measure, int period, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(Keys.MeasurePartition(scope.TenantId, measure.AgendaId), Keys.ReminderRow(measure.Id, measure.UpdatedAt, period),
                cancellationToken: cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
            // Nothing to release.
        }
    }

    private static TableEntity PostRow(TenantScope scope, string agendaId, string conversationId, string? activityId, DateTimeOffset now) =>
        new(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.PlanPostRow(conversationId))
        {
            ["ConversationId"] = conversationId,
            ["ActivityId"] = activityId,
            ["ClaimedAt"] = now,
        };
}
