using System.Globalization;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Exports;

/// <summary>
/// An export someone asked for in a turn, made outside it (docs/storage.md): which agenda, which workshops the CSVs may
/// hold (null: all, for the project lead; a moderator's own otherwise — decided in the turn), in which language, and the
/// card that shows the progress, and the bot's public address the download links start with (taken from the turn: a
/// background job has no request to take it from). <see cref="Attempts"/> counts the takes, so a job that keeps failing ends.
/// </summary>
public sealed record ExportJob(
    TenantScope Tenant, string Id, string AgendaId, IReadOnlyList<string>? CsvWorkshops, string Culture,
    string ServiceUrl, string ConversationId, string? CardActivityId, bool Publishable, string LinkBase, DateTimeOffset RequestedAt)
{
    public int Attempts { get; init; }

    internal string? Version { get; init; }
}

/// <summary>
/// The export jobs, in the Deadlines table's partition "exports", one row per job, keyed by the tenant and the id of
/// the activity that asked (a redelivered "exportieren" finds its job and asks nothing twice). Any instance takes a due
/// job with a lease (an ETag-guarded merge), so a job is made by one at a time, and one whose maker died is taken again
/// when the lease runs out — after a restart too. Done jobs are deleted.
/// </summary>
public sealed class ExportJobs(StorageTables tables)
{
    private const string Partition = "exports";

    /// <summary>Ids of the tenant, agenda, workshops and conversation, and when: nothing about a person (docs/storage.md).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData = [StoredRow.Nobody(StoredTable.Deadlines, string.Empty) with { Partition = Partition }];

    private readonly TableClient table = tables.Deadlines;

    /// <summary>
    /// Stores a new job, held until <paramref name="heldUntil"/> so no instance takes it before its card is posted
    /// (<see cref="SetCardAsync"/> releases it); false when a job with this id is stored already (the same request
    /// delivered again).
    /// </summary>
    public async Task<bool> AddAsync(ExportJob job, DateTimeOffset heldUntil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var row = ToRow(job);
        row["LeasedUntil"] = heldUntil;
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

    /// <summary>Remembers the card that shows the job's progress and releases the job at <paramref name="now"/>.</summary>
    public Task SetCardAsync(ExportJob job, string activityId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        return table.UpdateEntityAsync(new TableEntity(Partition, RowKey(job.Tenant, job.Id)) { ["CardActivityId"] = activityId, ["LeasedUntil"] = now },
            ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The jobs nobody holds a lease on at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<ExportJob>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var due = new List<ExportJob>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), maxPerPage: 100,
            cancellationToken: cancellationToken))
        {
            if ((row.GetDateTimeOffset("LeasedUntil") ?? DateTimeOffset.MinValue) <= now)
            {
                due.Add(FromRow(row));
            }
        }

        return due;
    }

    /// <summary>Takes the job until <paramref name="until"/>, counting the attempt; null when another instance took it first.</summary>
    public async Task<ExportJob?> TakeAsync(ExportJob job, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var taken = job with { Attempts = job.Attempts + 1 };
        try
        {
            var response = await table.UpdateEntityAsync(new TableEntity(Partition, RowKey(job.Tenant, job.Id))
            {
                ["LeasedUntil"] = until,
                ["Attempts"] = taken.Attempts,
            }, new ETag(job.Version!), TableUpdateMode.Merge, cancellationToken);
            return taken with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            return null;
        }
    }

    /// <summary>The job is made (or given up): gone for good.</summary>
    public async Task DoneAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await table.DeleteEntityAsync(Partition, RowKey(job.Tenant, job.Id), ETag.All, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
        }
    }

    private static string RowKey(TenantScope tenant, string id) => Keys.Join(tenant.TenantId, id);

    private static TableEntity ToRow(ExportJob job) => new(Partition, RowKey(job.Tenant, job.Id))
    {
        ["TenantId"] = job.Tenant.TenantId,
        ["JobId"] = job.Id,
        ["AgendaId"] = job.AgendaId,
        ["CsvWorkshops"] = job.CsvWorkshops is null ? null : string.Join(",", job.CsvWorkshops),
        ["Culture"] = job.Culture,
        ["ServiceUrl"] = job.ServiceUrl,
        ["ConversationId"] = job.ConversationId,
        ["CardActivityId"] = job.CardActivityId,
        ["Publishable"] = job.Publishable,
        ["LinkBase"] = job.LinkBase,
        ["RequestedAt"] = job.RequestedAt,
        ["Attempts"] = job.Attempts,
    };

    private static ExportJob FromRow(TableEntity row) =>
        new(new TenantScope(row.GetString("TenantId")), row.GetString("JobId"), row.GetString("AgendaId"),
            row.GetString("CsvWorkshops") is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries) : null,
            row.GetString("Culture") ?? CultureInfo.InvariantCulture.Name, row.GetString("ServiceUrl"), row.GetString("ConversationId"),
            row.GetString("CardActivityId"), row.GetBoolean("Publishable") ?? false, row.GetString("LinkBase"),
            row.GetDateTimeOffset("RequestedAt") ?? DateTimeOffset.MinValue)
        {
            Attempts = row.GetInt32("Attempts") ?? 0,
            Version = row.ETag.ToString(),
        };
}
