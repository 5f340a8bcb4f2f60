using System.Text.Json;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Workshops;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Voting;

public enum BallotResult
{
    /// <summary>The first ballot of this person in this round.</summary>
    Counted,

    /// <summary>The person's earlier ballot was replaced (named rounds only).</summary>
    Changed,

    /// <summary>A secret round already has a ballot from this person; only sums are kept, so it cannot be changed.</summary>
    AlreadyVoted,

    /// <summary>The round began closing before the ballot could be written: nothing was stored.</summary>
    TooLate,

    /// <summary>So many secret ballots at once that this one lost every try at the round's sums: nothing was stored.</summary>
    Busy,
}

/// <summary>What happened to a ballot, and the version it was stored as (to compare with what a tally counted).</summary>
/// <param name="WrittenWhileOpen">
/// The ballot was written in one transaction with the round's open marker, so the round was open when it was stored and
/// its tally, which begins by deleting that marker, counts it. False: nothing was stored.
/// </param>
/// <param name="Redelivered">
/// The same activity was processed before: nothing changed now, and <see cref="Result"/> is what the first delivery did.
/// </param>
public sealed record BallotReceipt(BallotResult Result, string Version, bool WrittenWhileOpen = false, bool Redelivered = false);

/// <summary>A ballot written by <see cref="VotingRepository.CastAsKnownVoterAsync"/>, and the registration's new ETag.</summary>
public sealed record KnownVoterReceipt(BallotReceipt Receipt, ETag Registration);

/// <summary>Voting rounds and ballots, in the partition of the workshop they belong to.</summary>
public sealed class VotingRepository(StorageTables tables)
{
    /// <summary>What rounds and ballots hold about people, for export and erasure (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // Who started a round: the round stays with "someone" as its starter.
        new(StoredTable.Workshops, Keys.RoundPrefix, RowErasure.Anonymise,
            [PersonalColumn.Owner("StartedBy", Erase.Anonymise), PersonalColumn.NotAPerson("PointsPerPerson")])
            { ForPerson = new(PersonalDataKind.RoundStarted) { At = "StartedAt", Round = "RoundId" } },
        StoredRow.Nobody(StoredTable.Workshops, Keys.RoundOpenPrefix),
        // A named ballot's key ends with its voter. It counts for the group, so it stays under a random key, as
        // secret ballots were stored before secret rounds kept only sums.
        new(StoredTable.Workshops, Keys.BallotPrefixAll, RowErasure.Rekey, [PersonalColumn.Owner(Erase.Remove)])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.Ballot) { At = "CastAt", Round = "RoundId" } },
        // That the person voted in a secret round is about them only; with the activity that carried their ballot, never what it said.
        new(StoredTable.Workshops, Keys.VotedMarkerPrefix, RowErasure.Delete, [PersonalColumn.Owner()])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.SecretVote) { RoundInKey = 1 } },
        // A secret round's sums over all its ballots: nobody's.
        StoredRow.Nobody(StoredTable.Workshops, Keys.SecretTallyPrefix),
    ];

    private readonly TableClient table = tables.Workshops;
    private readonly SecretBallots secret = new(tables.Workshops);

    /// <summary>Starts a round; the same activity delivered again returns the round it started the first time.</summary>
    public async Task<Versioned<VotingRound>> StartRoundAsync(TenantScope scope, VotingRound round, string activityId,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, round.WorkshopId);
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.Add, ToRow(partition, round)),
            new(TableTransactionActionType.Add, new TableEntity(partition, Keys.DedupeRow(activityId)) { ["Result"] = round.Id }),
            new(TableTransactionActionType.Add, new TableEntity(partition, Keys.RoundOpenRow(round.Id))),
        ];
        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken);
            return new Versioned<VotingRound>(round, response.Value[0].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException failure) when (failure.IsConflict())
        {
            var marker = await table.FindAsync(partition, Keys.DedupeRow(activityId), cancellationToken);
            var earlierId = marker?.GetString("Result") ?? throw Failures.StaleWrite();
            return await GetRoundAsync(scope, round.WorkshopId, earlierId, cancellationToken) ?? throw Failures.StaleWrite();
        }
    }

    public async Task<Versioned<VotingRound>?> GetRoundAsync(TenantScope scope, string workshopId, string roundId,
        CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.RoundRow(roundId), cancellationToken);
        return row is null ? null : new Versioned<VotingRound>(ToRound(row), row.ETag);
    }

    /// <summary>Every round of a workshop, in the order of their ids.</summary>
    public async Task<IReadOnlyList<VotingRound>> GetRoundsAsync(TenantScope scope, string workshopId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.RoundPrefix, cancellationToken);
        return rows.Select(ToRound).ToList();
    }

    /// <summary>
    /// Stores a round that began closing, if nobody else closed or changed it first (otherwise a Conflict), and deletes
    /// its open marker in the same transaction: from then on no ballot is written as "while open", and every ballot
    /// that was is in the partition for the tally to read.
    /// </summary>
    public async Task<Versioned<VotingRound>> BeginCloseAsync(TenantScope scope, Versioned<VotingRound> closing,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, closing.Value.WorkshopId);
        TableTransactionAction[] batch =
        [
            new(TableTransactionActionType.UpdateReplace, ToRow(partition, closing.Value), closing.ETag),
            new(TableTransactionActionType.Delete, new TableEntity(partition, Keys.RoundOpenRow(closing.Value.Id)), ETag.All),
        ];
        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken);
            return closing with { ETag = response.Value[0].Headers.ETag ?? default };
        }
        catch (TableTransactionFailedException failure) when (failure.FailedIndex() == 1 && failure.Status == Failures.NotFound)
        {
            // A round started before open markers existed: its ballots are all checked after their write.
            return await UpdateRoundAsync(scope, closing, cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.IsStale())
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>Stores a closed round if nobody else closed or changed it first; otherwise a Conflict.</summary>
    public async Task<Versioned<VotingRound>> UpdateRoundAsync(TenantScope scope, Versioned<VotingRound> changed,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var row = ToRow(Keys.WorkshopPartition(scope.TenantId, changed.Value.WorkshopId), changed.Value);
            var response = await table.UpdateEntityAsync(row, changed.ETag, TableUpdateMode.Replace, cancellationToken);
            return changed with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException failure) when (failure.IsStale())
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>
    /// Stores a ballot the round has validated. Named: one row per voter, replaced on change, so a repeated click
    /// counts once. Secret: no ballot row, see <see cref="CastSecretAsync"/>.
    /// Each is written in one transaction with a touch of the round's open marker, which tells whether the round was
    /// still open at that moment without reading it again (<see cref="BallotReceipt.WrittenWhileOpen"/>).
    /// </summary>
    /// <param name="earlierBallotSeen">A ballot of this voter was read before: a change, stored with one upsert.</param>
    /// <param name="activityId">
    /// The click's activity id: a named ballot is processed once per activity, so a late redelivery of an earlier click
    /// cannot undo a later change (<see cref="BallotReceipt.Redelivered"/>).
    /// </param>
    public async Task<BallotReceipt> CastAsync(TenantScope scope, VotingRound round, string voterId, Ballot ballot,
        bool earlierBallotSeen = false, string? activityId = null, CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, round.WorkshopId);
        if (!round.Anonymous)
        {
            var row = BallotRow(partition, Keys.BallotRow(round.Id, voterId), ballot);
            row["PersonId"] = voterId;
            if (!earlierBallotSeen)
            {
                // Insert first: a first vote then costs one round-trip; a change nobody saw before costs two.
                try
                {
                    return await WriteNamedAsync(scope, round, BallotResult.Counted, TableTransactionActionType.Add, row, activityId, cancellationToken);
                }
                catch (RequestFailedException failure) when (failure.IsConflict())
                {
                }
            }

            // Were the earlier ballot erased meanwhile, this one is still stored, only called a change.
            return await WriteNamedAsync(scope, round, BallotResult.Changed, TableTransactionActionType.UpsertReplace, row, activityId, cancellationToken);
        }

        return await secret.CastAsync(scope, round, voterId, ballot, activityId, read: null, cancellationToken);
    }

    /// <summary>
    /// Stores a secret ballot as an increment of the round's sums, with the voter's "voted" row, in one transaction
    /// with a touch of the open marker; nothing is stored once the round began closing (<see cref="BallotResult.TooLate"/>).
    /// The same activity delivered again is answered as counted; any other second ballot is <see cref="BallotResult.AlreadyVoted"/>.
    /// </summary>
    /// <param name="read">What the ballot's reads found of the round's sums and the voter's row (<see cref="BallotReads"/>), or null.</param>
    public Task<BallotReceipt> CastSecretAsync(TenantScope scope, VotingRound round, string voterId, Ballot ballot, string? activityId,
        SecretRoundRead? read, CancellationToken cancellationToken = default) =>
        round.Anonymous
            ? secret.CastAsync(scope, round, voterId, ballot, activityId, read, cancellationToken)
            : throw new InvalidOperationException("A named ballot is stored with its voter.");

    /// <summary>A secret round's sums, for its tally, with any ballot rows from before secret rounds kept only sums.</summary>
    public Task<SecretCount> GetSecretTallyAsync(TenantScope scope, VotingRound round, CancellationToken cancellationToken = default) =>
        secret.CountAsync(Keys.WorkshopPartition(scope.TenantId, round.WorkshopId), round, cancellationToken);

    /// <summary>
    /// A named ballot of a voter whose registration was checked before (in this round or an earlier one of the
    /// workshop), without reading anything: one transaction writes their ballot (a first one only if there is none yet;
    /// a later one replaces it), touches the round's open marker (the round is still open) and touches the voter's
    /// registration row if it is still the version read then (not deleted, not registered anew — so still the same, not
    /// waitlisted, registration). Null when any of that no longer holds: the caller then reads and checks everything.
    /// </summary>
    /// <param name="registration">The ETag of the voter's registration row as last read or touched.</param>
    /// <param name="first">No ballot of this voter in this round is known: insert, and call it counted, not changed.</param>
    public async Task<KnownVoterReceipt?> CastAsKnownVoterAsync(TenantScope scope, VotingRound round, string voterId, Ballot ballot, ETag registration,
        string? activityId = null, bool first = false, CancellationToken cancellationToken = default)
    {
        if (round.Anonymous)
        {
            throw new InvalidOperationException("An anonymous ballot is never written beside the voter's registration.");
        }

        var partition = Keys.WorkshopPartition(scope.TenantId, round.WorkshopId);
        var row = BallotRow(partition, Keys.BallotRow(round.Id, voterId), ballot);
        row["PersonId"] = voterId;
        var result = first ? BallotResult.Counted : BallotResult.Changed;
        List<TableTransactionAction> batch = activityId is null ? [] : [Dedupe(partition, activityId, result)];
        var ballotIndex = batch.Count;
        // Were the earlier ballot erased meanwhile, this one is still stored, only called a change.
        batch.Add(new(first ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, row));
        batch.Add(OpenMarker(partition, round.Id));
        batch.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, Keys.ParticipantRow(voterId)), registration));
        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken);
            return new KnownVoterReceipt(
                new BallotReceipt(result, Version(response.Value[ballotIndex]), WrittenWhileOpen: true),
                response.Value[ballotIndex + 2].Headers.ETag ?? default);
        }
        catch (TableTransactionFailedException failure) when (activityId is not null && failure.FailedIndex() == 0 && failure.IsConflict())
        {
            return new KnownVoterReceipt(await RedeliveredAsync(partition, activityId, cancellationToken), registration);
        }
        catch (TableTransactionFailedException failure) when (failure.FailedIndex() is { } failed
            && (failed > ballotIndex || (first && failed == ballotIndex && failure.IsConflict())))
        {
            // The round is closing, the registration changed, or a ballot exists after all (another instance took it).
            return null;
        }
    }

    // Merge with no properties and any ETag: fails only when the marker is gone, i.e. the round began closing.
    private static TableTransactionAction OpenMarker(string partition, string roundId) =>
        new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, Keys.RoundOpenRow(roundId)), ETag.All);

    /// <summary>
    /// A named ballot and, when the click has an activity id, that activity's dedupe row: a redelivered click finds
    /// the row, changes nothing and gets the first delivery's result.
    /// </summary>
    private async Task<BallotReceipt> WriteNamedAsync(TenantScope scope, VotingRound round, BallotResult result,
        TableTransactionActionType write, TableEntity ballot, string? activityId, CancellationToken cancellationToken)
    {
        if (activityId is null)
        {
            return await WriteAsync(scope, round, result, [new(write, ballot)], cancellationToken);
        }

        try
        {
            return await WriteAsync(scope, round, result, [Dedupe(ballot.PartitionKey, activityId, result), new(write, ballot)], cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.FailedIndex() == 0 && failure.IsConflict())
        {
            return await RedeliveredAsync(ballot.PartitionKey, activityId, cancellationToken);
        }
    }

    private static TableTransactionAction Dedupe(string partition, string activityId, BallotResult result) =>
        new(TableTransactionActionType.Add, WorkshopRows.DedupeRow(partition, activityId, result.ToString()));

    private async Task<BallotReceipt> RedeliveredAsync(string partition, string activityId, CancellationToken cancellationToken)
    {
        var first = await table.FindAsync(partition, Keys.DedupeRow(activityId), cancellationToken);
        return Enum.TryParse<BallotResult>(first?.GetString("Result"), out var result)
            ? new BallotReceipt(result, string.Empty, WrittenWhileOpen: true, Redelivered: true)
            : throw Failures.StaleWrite();
    }

    /// <summary>
    /// The ballot's rows and the open marker in one transaction (the last of <paramref name="rows"/> is the ballot,
    /// whose version is returned). Once the marker is gone the round began closing, and nothing is written: a ballot
    /// stored after the tally would show in "Stimmen einsehen" without having been counted.
    /// A row that exists already surfaces as a <see cref="RequestFailedException"/> with status 409.
    /// </summary>
    private async Task<BallotReceipt> WriteAsync(TenantScope scope, VotingRound round, BallotResult result, TableTransactionAction[] rows,
        CancellationToken cancellationToken, bool mayRestoreMarker = true)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, round.WorkshopId);
        try
        {
            var response = await table.SubmitTransactionAsync([.. rows, OpenMarker(partition, round.Id)], cancellationToken);
            return new BallotReceipt(result, Version(response.Value[rows.Length - 1]), WrittenWhileOpen: true);
        }
        catch (TableTransactionFailedException failure) when (failure.FailedIndex() == rows.Length && failure.Status == Failures.NotFound)
        {
        }

        return mayRestoreMarker && await RestoreOpenMarkerAsync(partition, round.Id, cancellationToken)
            ? await WriteAsync(scope, round, result, rows, cancellationToken, mayRestoreMarker: false)
            : new BallotReceipt(BallotResult.TooLate, string.Empty);
    }

    /// <summary>
    /// Gives a round stored before open markers existed its marker, if it is still open and unchanged; closing deletes the
    /// marker together with the state change, so only such a round is open without one. False: the round is closing.
    /// </summary>
    private async Task<bool> RestoreOpenMarkerAsync(string partition, string roundId, CancellationToken cancellationToken)
    {
        var row = await table.FindAsync(partition, Keys.RoundRow(roundId), cancellationToken);
        if (row is null || ToRound(row).State != RoundState.Open)
        {
            return false;
        }

        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, Keys.RoundRow(roundId)), row.ETag),
                new(TableTransactionActionType.Add, new TableEntity(partition, Keys.RoundOpenRow(roundId))),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.IsStale() || failure.IsConflict())
        {
            // Closing began meanwhile, or another ballot restored the marker: the next write tells which.
        }

        return true;
    }

    /// <summary>The ballots with the version each was read in, for a tally that must say which ones it counted.</summary>
    public async Task<IReadOnlyList<(Ballot Ballot, string Version)>> GetBallotsWithVersionsAsync(TenantScope scope, string workshopId, string roundId,
        CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.BallotPrefix(roundId), cancellationToken);
        return rows.Select(r => (ToBallot(r), r.ETag.ToString())).ToList();
    }

    public async Task<IReadOnlyList<Ballot>> GetBallotsAsync(TenantScope scope, string workshopId, string roundId,
        CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.BallotPrefix(roundId), cancellationToken);
        return rows.Select(ToBallot).ToList();
    }

    private static string Version(Response response) => response.Headers.ETag?.ToString() ?? string.Empty;

    private static TableEntity BallotRow(string partition, string rowKey, Ballot ballot) => new(partition, rowKey)
    {
        ["RoundId"] = ballot.RoundId,
        ["Scores"] = JsonSerializer.Serialize(ballot.Scores.ToList(), StorageJson.Default.ListScore),
        ["CastAt"] = ballot.CastAt,
    };

    internal static Ballot ToBallot(TableEntity row) => new(
        row.GetString("RoundId"),
        row.GetString("PersonId"),
        JsonSerializer.Deserialize(row.GetString("Scores"), StorageJson.Default.ListScore) ?? [],
        row.GetDateTimeOffset("CastAt") ?? default);

    private static TableEntity ToRow(string partition, VotingRound r) => new(partition, Keys.RoundRow(r.Id))
    {
        ["RoundId"] = r.Id,
        ["WorkshopId"] = r.WorkshopId,
        ["Method"] = r.Method.ToString(),
        ["Items"] = JsonSerializer.Serialize(r.Items.ToList(), StorageJson.Default.ListInt32),
        ["Criteria"] = JsonSerializer.Serialize(r.Criteria.ToList(), StorageJson.Default.ListString),
        ["Anonymous"] = r.Anonymous,
        ["PointsPerPerson"] = r.PointsPerPerson,
        ["MaxPointsPerItem"] = r.MaxPointsPerItem,
        ["Deadline"] = r.Deadline,
        ["State"] = r.State.ToString(),
        ["StartedBy"] = r.StartedBy,
        ["StartedAt"] = r.StartedAt,
        ["ClosedAt"] = r.ClosedAt,
        ["Step"] = r.Step,
        ["BallotCard"] = r.BallotCard is null ? null : JsonSerializer.Serialize(r.BallotCard, StorageJson.Default.PostedCard),
        ["Results"] = r.Results is null ? null : JsonSerializer.Serialize(r.Results, StorageJson.Default.RoundResults),
        ["CountedBallots"] = JsonSerializer.Serialize(r.CountedBallots.ToList(), StorageJson.Default.ListString),
    };

    /// <summary>The columns <see cref="ToRound"/> reads, for a query that should bring back no more of other rows than their keys.</summary>
    internal static readonly string[] RoundColumns =
    [
        "RowKey", "RoundId", "WorkshopId", "Method", "Items", "Criteria", "Anonymous", "PointsPerPerson", "MaxPointsPerItem", "Deadline",
        "State", "StartedBy", "StartedAt", "ClosedAt", "Step", "BallotCard", "Results", "CountedBallots",
    ];

    internal static VotingRound ToRound(TableEntity row) => new()
    {
        Id = row.GetString("RoundId"),
        WorkshopId = row.GetString("WorkshopId"),
        Method = Enum.Parse<VotingMethod>(row.GetString("Method")),
        Items = JsonSerializer.Deserialize(row.GetString("Items"), StorageJson.Default.ListInt32) ?? [],
        Criteria = JsonSerializer.Deserialize(row.GetString("Criteria"), StorageJson.Default.ListString) ?? [],
        Anonymous = row.GetBoolean("Anonymous") ?? false,
        PointsPerPerson = row.GetInt32("PointsPerPerson") ?? 0,
        MaxPointsPerItem = row.GetInt32("MaxPointsPerItem") ?? 0,
        Deadline = row.GetDateTimeOffset("Deadline"),
        State = Enum.Parse<RoundState>(row.GetString("State")),
        StartedBy = row.GetString("StartedBy"),
        StartedAt = row.GetDateTimeOffset("StartedAt") ?? default,
        ClosedAt = row.GetDateTimeOffset("ClosedAt"),
        Step = row.GetInt32("Step") ?? 0,
        BallotCard = row.GetString("BallotCard") is { } card ? JsonSerializer.Deserialize(card, StorageJson.Default.PostedCard) : null,
        Results = row.GetString("Results") is { } results ? JsonSerializer.Deserialize(results, StorageJson.Default.RoundResults) : null,
        CountedBallots = JsonSerializer.Deserialize(row.GetString("CountedBallots") ?? "[]", StorageJson.Default.ListString) ?? [],
    };
}
