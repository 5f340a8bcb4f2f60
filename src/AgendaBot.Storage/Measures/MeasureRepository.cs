using System.Text.Json;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Measures;

/// <summary>
/// The measures of one agenda with their history and comments, all in the agenda's partition: a change and its
/// history rows commit together, and the weekly report reads one partition.
/// </summary>
public sealed class MeasureRepository(StorageTables tables)
{
    /// <summary>What a consultation holds about people (<see cref="PersonalDataRegistry"/>); the rest is in <see cref="MeasureRows"/>.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Measures, Keys.ConsultationPrefix, RowErasure.Anonymise,
            [PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("LoggedByName", Erase.Blank), PersonalColumn.TextOf(PersonalColumn.PersonId, "Notes")])
            { ForPerson = new(PersonalDataKind.Consultation) { At = "Date", Text = "Town" } },
    ];

    private readonly TableClient table = tables.Measures;

    public Task<Versioned<Measure>> CreateAsync(TenantScope scope, Measure measure, TeamsUser createdBy, DateTimeOffset now,
        CancellationToken cancellationToken = default) =>
        CreateAsync(scope, measure, createdBy, now, reason: null, cancellationToken);

    /// <param name="reason">Why a final plan gets this measure: kept in its history with who gave it.</param>
    public async Task<Versioned<Measure>> CreateAsync(TenantScope scope, Measure measure, TeamsUser createdBy, DateTimeOffset now, string? reason,
        CancellationToken cancellationToken = default)
    {
        var valid = measure.Validated() with { UpdatedAt = now };
        var partition = Keys.MeasurePartition(scope.TenantId, valid.AgendaId);
        List<TableTransactionAction> batch =
        [
            new(TableTransactionActionType.Add, MeasureRows.ToRow(partition, valid)),
            new(TableTransactionActionType.Add,
                MeasureRows.ToRow(partition, new MeasureChange(valid.Id, createdBy, now, MeasureHistory.Created, null, valid.Title), NewId())),
        ];
        if (reason is not null)
        {
            batch.Add(new(TableTransactionActionType.Add,
                MeasureRows.ToRow(partition, new MeasureChange(valid.Id, createdBy, now, MeasureHistory.Reason, null, reason), NewId())));
        }

        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken);
            return new Versioned<Measure>(valid, response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException failure) when (failure.IsConflict())
        {
            throw new DomainException(DomainErrorCode.Conflict, "measure exists");
        }
    }

    public async Task<Versioned<Measure>?> GetAsync(TenantScope scope, string agendaId, string measureId, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.MeasureRow(measureId), cancellationToken);
        return row is null ? null : new Versioned<Measure>(MeasureRows.ToMeasure(row), row.ETag);
    }

    public async Task<IReadOnlyList<Measure>> GetAllAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.MeasurePrefix, cancellationToken);
        return rows.Select(MeasureRows.ToMeasure).ToList();
    }

    /// <summary>The agenda's measures with their versions, to change several of them at once (<see cref="UpdateManyAsync"/>).</summary>
    public async Task<IReadOnlyList<Versioned<Measure>>> GetAllVersionedAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.MeasurePrefix, cancellationToken))
            .Select(row => new Versioned<Measure>(MeasureRows.ToMeasure(row), row.ETag)).ToList();

    /// <summary>Stores a changed measure with one history row per changed field, atomically, if nobody changed it meanwhile.</summary>
    public async Task<Versioned<Measure>> UpdateAsync(TenantScope scope, Versioned<Measure> before, Measure after, TeamsUser changedBy,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var valid = after.Validated() with { UpdatedAt = now };
        var partition = Keys.MeasurePartition(scope.TenantId, valid.AgendaId);
        var changes = MeasureDiff.Between(before.Value, valid, changedBy, now);

        // A transaction holds at most 100 actions: the measure plus 99 history rows is far more than one edit makes.
        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, MeasureRows.ToRow(partition, valid), before.ETag),
        };
        batch.AddRange(changes.Take(99).Select(c => new TableTransactionAction(TableTransactionActionType.Add, MeasureRows.ToRow(partition, c, NewId()))));
        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken);
            return new Versioned<Measure>(valid, response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>
    /// Stores several changed measures of one agenda with their history in one transaction (the plan order, the budget
    /// priorities): all of them or, when any changed meanwhile, none. Measures without a change are left alone.
    /// </summary>
    public async Task UpdateManyAsync(TenantScope scope, IReadOnlyList<(Versioned<Measure> Before, Measure After)> changed, TeamsUser changedBy,
        DateTimeOffset now, string? reason = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var batch = new List<TableTransactionAction>();
        foreach (var (before, after) in changed)
        {
            var valid = after.Validated() with { UpdatedAt = now };
            var changes = MeasureDiff.Between(before.Value, valid, changedBy, now);
            if (changes.Count == 0)
            {
                continue;
            }

            var partition = Keys.MeasurePartition(scope.TenantId, valid.AgendaId);
            batch.Add(new(TableTransactionActionType.UpdateReplace, MeasureRows.ToRow(partition, valid), before.ETag));
            batch.AddRange(changes.Select(c => new TableTransactionAction(TableTransactionActionType.Add, MeasureRows.ToRow(partition, c, NewId()))));
            if (reason is not null)
            {
                batch.Add(new(TableTransactionActionType.Add,
                    MeasureRows.ToRow(partition, new MeasureChange(valid.Id, changedBy, now, MeasureHistory.Reason, null, reason), NewId())));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        // One transaction holds at most 100 actions; a plan that needs more is changed in smaller steps by the caller.
        if (batch.Count > 100)
        {
            throw new DomainException(DomainErrorCode.TooManyItems, "measures changed at once", 100);
        }

        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    public async Task<IReadOnlyList<MeasureChange>> GetHistoryAsync(TenantScope scope, string agendaId, string measureId,
        CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.MeasureHistoryPrefix(measureId), cancellationToken);
        return rows.Select(MeasureRows.ToChange).ToList();
    }

    /// <summary>Every change to the agenda's measures since a moment: one query over the history rows of the partition.</summary>
    public async Task<IReadOnlyList<MeasureChange>> GetHistorySinceAsync(TenantScope scope, string agendaId, DateTimeOffset since,
        CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Keys.MeasurePartition(scope.TenantId, agendaId)} and RowKey ge {"h|"} and RowKey lt {"h}"} and At ge {since}");
        var changes = new List<MeasureChange>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            changes.Add(MeasureRows.ToChange(row));
        }

        return changes;
    }

    /// <summary>Adds a comment; the same activity delivered twice stores it once (the comment id is derived from it).</summary>
    public async Task<bool> AddCommentAsync(TenantScope scope, string agendaId, MeasureComment comment, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(MeasureRows.ToRow(Keys.MeasurePartition(scope.TenantId, agendaId), comment), cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            return false;
        }
    }

    /// <summary>
    /// Adds several comments at once, all or none (one transaction in the agenda's partition); false when they were
    /// stored before — the same activity delivered twice, as the ids are derived from it.
    /// </summary>
    public async Task<bool> AddCommentsAsync(TenantScope scope, string agendaId, IReadOnlyList<MeasureComment> comments,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.MeasurePartition(scope.TenantId, agendaId);
        try
        {
            await table.SubmitTransactionAsync(
                comments.Select(c => new TableTransactionAction(TableTransactionActionType.Add, MeasureRows.ToRow(partition, c))), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException failure) when (failure.IsConflict())
        {
            return false;
        }
    }

    /// <summary>Every comment on the agenda's measures, in one query.</summary>
    public async Task<IReadOnlyList<MeasureComment>> GetAllCommentsAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CommentPrefixAll, cancellationToken);
        return rows.Select(MeasureRows.ToComment).ToList();
    }

    public async Task<IReadOnlyList<MeasureComment>> GetCommentsAsync(TenantScope scope, string agendaId, string measureId,
        CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CommentPrefix(measureId), cancellationToken);
        return rows.Select(MeasureRows.ToComment).ToList();
    }

    /// <summary>Logs a consultation with another town under the agenda.</summary>
    public async Task AddConsultationAsync(TenantScope scope, string agendaId, ConsultationEntry entry, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.ConsultationRow(entry.Id))
        {
            ["EntryId"] = entry.Id,
            ["Town"] = entry.Town,
            ["Date"] = entry.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Notes"] = entry.Notes,
            ["LoggedByName"] = entry.LoggedBy.Name,
            ["PersonId"] = entry.LoggedBy.Id,
            ["MeasureIds"] = entry.MeasureIds.Count == 0 ? null : JsonSerializer.Serialize(entry.MeasureIds.ToList(), StorageJson.Default.ListString),
            ["MaterialShared"] = entry.MaterialShared,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsultationEntry>> GetConsultationsAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.ConsultationPrefix, cancellationToken);
        return rows.Select(r => new ConsultationEntry(
            r.GetString("EntryId"),
            r.GetString("Town"),
            DateOnly.Parse(r.GetString("Date"), System.Globalization.CultureInfo.InvariantCulture),
            r.GetString("Notes"),
            r.GetString("PersonId") is { } id ? new TeamsUser(id, r.GetString("LoggedByName") ?? string.Empty) : TeamsUser.Anonymous)
        {
            MeasureIds = r.GetString("MeasureIds") is { } ids ? JsonSerializer.Deserialize(ids, StorageJson.Default.ListString) ?? [] : [],
            MaterialShared = r.GetBoolean("MaterialShared") ?? false,
        }).OrderBy(c => c.Date).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
