using System.Globalization;
using System.Text.Json;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Measures;

/// <summary>A comment round whose deadline has passed, wherever it lives.</summary>
public sealed record DueCommentRound(string TenantId, string AgendaId, string RoundId, string RowKey);

/// <summary>
/// Draft-for-comment rounds in the agenda's partition of the Measures table, and their deadlines in the Deadlines
/// table (one partition sorted by due time), so any instance finds the rounds that are due with one range query.
/// </summary>
public sealed class CommentRoundRepository(StorageTables tables)
{
    private const string RecipientIdsColumn = "RecipientIds";
    private const string RecipientNamesColumn = "RecipientNames";

    /// <summary>What a draft-for-comment round holds about people (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // A round stays when its sender or a recipient is erased: without the sender, and with the anonymous user in
        // the recipient's place, so that the count stays. The export shows whether it went to the person and to how
        // many, never the other recipients; nor the row's time, which another person's erasure changes.
        new(StoredTable.Measures, Keys.CommentRoundPrefix, RowErasure.Anonymise,
        [
            PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("StartedByName", Erase.Blank),
            new(RecipientIdsColumn, Holds.PersonIds, Erase.AnonymiseInList, Show.Summary) { Summary = new("SentToYou", "RecipientCount") },
            new(RecipientNamesColumn, Holds.Name, Erase.AnonymiseInList, Show.No) { Of = RecipientIdsColumn },
        ])
        {
            ExportLeavesOut = ["Timestamp"],
            ForPerson = new(PersonalDataKind.CommentRoundStarted) { At = "StartedAt" },
            ForNamed = new(PersonalDataKind.DraftSentToYou) { At = "StartedAt" },
        },
        StoredRow.Nobody(StoredTable.Deadlines, string.Empty) with { Partition = Keys.CommentDeadlinePartition },
    ];

    private readonly TableClient rounds = tables.Measures;
    private readonly TableClient deadlines = tables.Deadlines;

    /// <summary>Stores a new round and its deadline; a round with this id already stored is returned instead (a click delivered twice).</summary>
    public async Task<(Versioned<CommentRound> Round, bool Created)> StartAsync(TenantScope scope, CommentRound round,
        CancellationToken cancellationToken = default)
    {
        // The deadline first: a deadline without its round is dropped by the watcher, a round without its deadline would never be reported.
        await deadlines.UpsertEntityAsync(new TableEntity(Keys.CommentDeadlinePartition, DeadlineRow(round.Deadline, scope.TenantId, round.AgendaId, round.Id))
        {
            ["TenantId"] = scope.TenantId,
            ["AgendaId"] = round.AgendaId,
            ["RoundId"] = round.Id,
        }, TableUpdateMode.Replace, cancellationToken);
        try
        {
            var response = await rounds.AddEntityAsync(ToRow(scope, round), cancellationToken);
            return (new Versioned<CommentRound>(round, response.Headers.ETag ?? default), true);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            return (await GetAsync(scope, round.AgendaId, round.Id, cancellationToken) ?? throw new DomainException(DomainErrorCode.Conflict), false);
        }
    }

    public async Task<Versioned<CommentRound>?> GetAsync(TenantScope scope, string agendaId, string roundId, CancellationToken cancellationToken = default)
    {
        var row = await rounds.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CommentRoundRow(roundId), cancellationToken);
        return row is null ? null : new Versioned<CommentRound>(ToRound(row), row.ETag);
    }

    /// <summary>The agenda's rounds, newest first.</summary>
    public async Task<IReadOnlyList<CommentRound>> ListAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await rounds.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CommentRoundPrefix, cancellationToken);
        return rows.Select(ToRound).OrderByDescending(r => r.StartedAt).ToList();
    }

    /// <summary>Marks the round reported; false when another instance did so first (its ETag moved on).</summary>
    public async Task<bool> MarkReportedAsync(TenantScope scope, Versioned<CommentRound> round, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            await rounds.UpdateEntityAsync(ToRow(scope, round.Value with { ReportedAt = at }), round.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.IsStale())
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DueCommentRound>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.CommentDeadlinePartition} and RowKey lt {Ticks(now)}");
        var due = new List<DueCommentRound>();
        await foreach (var row in deadlines.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            due.Add(new DueCommentRound(row.GetString("TenantId"), row.GetString("AgendaId"), row.GetString("RoundId"), row.RowKey));
        }

        return due;
    }

    public async Task DoneAsync(DueCommentRound due, CancellationToken cancellationToken = default)
    {
        try
        {
            await deadlines.DeleteEntityAsync(Keys.CommentDeadlinePartition, due.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
            // Another instance finished it first.
        }
    }

    private static string DeadlineRow(DateTimeOffset due, string tenantId, string agendaId, string roundId) =>
        $"{Ticks(due)}|{Keys.Join(tenantId, agendaId, roundId)}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToRow(TenantScope scope, CommentRound r) => new(Keys.MeasurePartition(scope.TenantId, r.AgendaId), Keys.CommentRoundRow(r.Id))
    {
        ["RoundId"] = r.Id,
        ["AgendaId"] = r.AgendaId,
        // The lead is a person: the shared PersonId column lets export and erasure find them.
        ["PersonId"] = r.StartedBy.IsAnonymous ? null : r.StartedBy.Id,
        ["StartedByName"] = r.StartedBy.Name,
        ["StartedAt"] = r.StartedAt,
        ["Deadline"] = r.Deadline,
        ["MeasureIds"] = JsonSerializer.Serialize(r.MeasureIds.ToList(), StorageJson.Default.ListString),
        [RecipientIdsColumn] = JsonSerializer.Serialize(r.Recipients.Select(p => p.Id).ToList(), StorageJson.Default.ListString),
        [RecipientNamesColumn] = JsonSerializer.Serialize(r.Recipients.Select(p => p.Name).ToList(), StorageJson.Default.ListString),
        ["Unreachable"] = r.Unreachable,
        ["ReportedAt"] = r.ReportedAt,
    };

    private static CommentRound ToRound(TableEntity row)
    {
        var ids = JsonSerializer.Deserialize(row.GetString(RecipientIdsColumn) ?? "[]", StorageJson.Default.ListString) ?? [];
        var names = JsonSerializer.Deserialize(row.GetString(RecipientNamesColumn) ?? "[]", StorageJson.Default.ListString) ?? [];
        return new CommentRound
        {
            Id = row.GetString("RoundId"),
            AgendaId = row.GetString("AgendaId"),
            StartedBy = row.GetString("PersonId") is { } lead ? new TeamsUser(lead, row.GetString("StartedByName") ?? string.Empty) : TeamsUser.Anonymous,
            StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
            Deadline = row.GetDateTimeOffset("Deadline") ?? default,
            MeasureIds = JsonSerializer.Deserialize(row.GetString("MeasureIds") ?? "[]", StorageJson.Default.ListString) ?? [],
            Recipients = ids.Select((id, i) => new TeamsUser(id, i < names.Count ? names[i] : string.Empty)).ToList(),
            Unreachable = row.GetInt32("Unreachable") ?? 0,
            ReportedAt = row.GetDateTimeOffset("ReportedAt"),
        };
    }
}
