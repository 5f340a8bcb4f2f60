using System.Text.Json;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Measures;

public enum FinalBallotResult
{
    Counted,

    /// <summary>The person's earlier ballot was replaced.</summary>
    Changed,

    /// <summary>The round was closed before the ballot could be written: nothing was stored.</summary>
    TooLate,
}

/// <summary>
/// The Schlussrunde over all measures and the plan's standing (draft or final), in the agenda's partition of the
/// Measures table. Every ballot is written together with a new version of its round, and closing replaces the round
/// only at the version it counted: a ballot either is in the tally or is told it came too late.
/// </summary>
public sealed class FinalRoundStore(StorageTables tables)
{
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // Who started the round: it stays with "someone" as its starter.
        new(StoredTable.Measures, Keys.FinalRoundPrefix, RowErasure.Anonymise, [PersonalColumn.Owner("StartedBy", Erase.Anonymise),
            PersonalColumn.NotAPerson("PointsPerPerson")])
            { ForPerson = new(PersonalDataKind.FinalRoundStarted) { At = "StartedAt" } },
        // A ballot counts for the group: on erasure it stays under a random key, without its voter.
        new(StoredTable.Measures, Keys.FinalBallotPrefixAll, RowErasure.Rekey, [PersonalColumn.Owner(Erase.Remove)])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.FinalBallot) { At = "CastAt" } },
        StoredRow.Nobody(StoredTable.Measures, Keys.PlanStandingRow),
    ];

    private readonly TableClient table = tables.Measures;

    /// <summary>Stores a new round, unless one is open already: then that one is returned and nothing is written.</summary>
    public async Task<(FinalRound Round, bool Started)> StartAsync(TenantScope scope, FinalRound round, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (await GetOpenAsync(scope, round.AgendaId, cancellationToken) is { } open)
        {
            return (open.Value, false);
        }

        try
        {
            await table.AddEntityAsync(ToRow(Keys.MeasurePartition(scope.TenantId, round.AgendaId), round, ballots: 0), cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            // The same click delivered twice: the round of its id is there already.
        }

        return (round, true);
    }

    public async Task<Versioned<FinalRound>?> GetAsync(TenantScope scope, string agendaId, string roundId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.FinalRoundRow(roundId), cancellationToken) is { } row
            ? new Versioned<FinalRound>(ToRound(row), row.ETag)
            : null;

    /// <summary>The agenda's rounds, the latest first.</summary>
    public async Task<IReadOnlyList<FinalRound>> GetAllAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.FinalRoundPrefix, cancellationToken))
            .Select(ToRound).OrderByDescending(r => r.StartedAt).ToList();

    public async Task<Versioned<FinalRound>?> GetOpenAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.FinalRoundPrefix, cancellationToken))
            .Where(r => r.GetString("State") == nameof(RoundState.Open)).Select(r => new Versioned<FinalRound>(ToRound(r), r.ETag)).FirstOrDefault();

    /// <summary>How many people have voted so far.</summary>
    public async Task<int> TurnoutAsync(TenantScope scope, string agendaId, string roundId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.FinalBallotPrefix(roundId), cancellationToken)).Count;

    public async Task<Ballot?> GetBallotAsync(TenantScope scope, string agendaId, string roundId, string userId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.FinalBallotRow(roundId, userId), cancellationToken) is { } row
            ? ToBallot(row)
            : null;

    /// <summary>Writes the person's ballot while the round is open (checked by the round's version in the same transaction).</summary>
    public async Task<FinalBallotResult> CastAsync(TenantScope scope, string agendaId, string roundId, string userId, Ballot ballot,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var partition = Keys.MeasurePartition(scope.TenantId, agendaId);
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var round = await table.FindAsync(partition, Keys.FinalRoundRow(roundId), cancellationToken);
            if (round is null || round.GetString("State") != nameof(RoundState.Open))
            {
                return FinalBallotResult.TooLate;
            }

            var earlier = await table.FindAsync(partition, Keys.FinalBallotRow(roundId, userId), cancellationToken);
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, round.RowKey) { ["Ballots"] = (round.GetInt32("Ballots") ?? 0) + 1 },
                    round.ETag),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, Keys.FinalBallotRow(roundId, userId))
                {
                    ["RoundId"] = roundId,
                    ["AgendaId"] = agendaId,
                    [PersonalColumn.PersonId] = userId,
                    ["Scores"] = JsonSerializer.Serialize(ballot.Scores.ToList(), StorageJson.Default.ListScore),
                    ["CastAt"] = ballot.CastAt,
                }),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return earlier is null ? FinalBallotResult.Counted : FinalBallotResult.Changed;
            }
            catch (TableTransactionFailedException failure) when (failure.IsStale() || failure.IsConflict())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

    /// <summary>
    /// Closes the round with the tally of the ballots read at its current version; a ballot written meanwhile changes
    /// the version, and the tally is taken again. A round closed already is returned as it is.
    /// </summary>
    public async Task<FinalRound?> CloseAsync(TenantScope scope, string agendaId, string roundId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.MeasurePartition(scope.TenantId, agendaId);
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            if (await GetAsync(scope, agendaId, roundId, cancellationToken) is not { } current)
            {
                return null;
            }

            if (!current.Value.IsOpen)
            {
                return current.Value;
            }

            var ballots = (await table.PrefixAsync(partition, Keys.FinalBallotPrefix(roundId), cancellationToken)).Select(ToBallot).ToList();
            var closed = current.Value.Close(ballots, now);
            try
            {
                await table.UpdateEntityAsync(ToRow(partition, closed, ballots.Count), current.ETag, TableUpdateMode.Replace, cancellationToken);
                return closed;
            }
            catch (RequestFailedException failure) when (failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

    public async Task<PlanState> GetStandingAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.PlanStandingRow, cancellationToken) is { } row
        && row.GetString("Standing") is { } json
            ? JsonSerializer.Deserialize(json, StorageJson.Default.PlanState) ?? PlanState.Draft
            : PlanState.Draft;

    public Task SetStandingAsync(TenantScope scope, string agendaId, PlanState standing, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.PlanStandingRow)
        {
            ["Standing"] = JsonSerializer.Serialize(standing, StorageJson.Default.PlanState),
        }, TableUpdateMode.Replace, cancellationToken);

    private static TableEntity ToRow(string partition, FinalRound r, int ballots) => new(partition, Keys.FinalRoundRow(r.Id))
    {
        ["RoundId"] = r.Id,
        ["AgendaId"] = r.AgendaId,
        ["ConversationId"] = r.ConversationId,
        ["Method"] = r.Method.ToString(),
        ["Criteria"] = JsonSerializer.Serialize(r.Criteria.ToList(), StorageJson.Default.ListString),
        ["PointsPerPerson"] = r.PointsPerPerson,
        ["MaxPointsPerItem"] = r.MaxPointsPerItem,
        ["MeasureIds"] = JsonSerializer.Serialize(r.MeasureIds.ToList(), StorageJson.Default.ListString),
        ["StartedBy"] = r.StartedBy,
        ["StartedAt"] = r.StartedAt,
        ["State"] = r.State.ToString(),
        ["ClosedAt"] = r.ClosedAt,
        ["Results"] = r.Results is null ? null : JsonSerializer.Serialize(r.Results, StorageJson.Default.RoundResults),
        ["Ballots"] = ballots,
    };

    private static FinalRound ToRound(TableEntity row) => new()
    {
        Id = row.GetString("RoundId"),
        AgendaId = row.GetString("AgendaId"),
        ConversationId = row.GetString("ConversationId"),
        Method = Enum.Parse<VotingMethod>(row.GetString("Method")),
        Criteria = JsonSerializer.Deserialize(row.GetString("Criteria") ?? "[]", StorageJson.Default.ListString) ?? [],
        PointsPerPerson = row.GetInt32("PointsPerPerson") ?? 0,
        MaxPointsPerItem = row.GetInt32("MaxPointsPerItem") ?? 0,
        MeasureIds = JsonSerializer.Deserialize(row.GetString("MeasureIds") ?? "[]", StorageJson.Default.ListString) ?? [],
        StartedBy = row.GetString("StartedBy"),
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        State = Enum.Parse<RoundState>(row.GetString("State")),
        ClosedAt = row.GetDateTimeOffset("ClosedAt"),
        Results = row.GetString("Results") is { } results ? JsonSerializer.Deserialize(results, StorageJson.Default.RoundResults) : null,
    };

    private static Ballot ToBallot(TableEntity row) => new(row.GetString("RoundId"), row.GetString(PersonalColumn.PersonId),
        JsonSerializer.Deserialize(row.GetString("Scores") ?? "[]", StorageJson.Default.ListScore) ?? [], row.GetDateTimeOffset("CastAt") ?? default);
}
