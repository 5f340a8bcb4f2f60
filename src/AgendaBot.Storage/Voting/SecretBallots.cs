using System.Collections.Concurrent;
using System.Text.Json;
using AgendaBot.Domain.Voting;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Voting;

/// <summary>What a ballot's reads found of a secret round — its sums and the voter's "voted" row — handed back to the write.</summary>
public sealed class SecretRoundRead
{
    internal SecretRoundRead(TableEntity? sums, TableEntity? voted)
    {
        Sums = sums;
        Voted = voted;
    }

    internal TableEntity? Sums { get; }

    internal TableEntity? Voted { get; }
}

/// <summary>A secret round's sums, with any ballot rows stored before rounds kept only sums folded in, and their versions.</summary>
public sealed record SecretCount(SecretTally Tally, IReadOnlyList<string> Versions);

/// <summary>
/// Secret ballots, stored so that nobody who reads the storage account can tell who voted what: there is no row per
/// ballot. A ballot is one transaction of three: the voter's "voted" row (who, and the activity that carried the
/// ballot — never what), the round's sums (<see cref="SecretTally"/>, replaced only in the version read, so parallel
/// voters read again and retry) and a touch of the round's open marker (gone once the round began closing: then
/// nothing is stored). The sums row's Timestamp is its last voter's; see docs/storage.md for what that does and does
/// not tell.
/// </summary>
internal sealed class SecretBallots(TableClient table)
{
    /// <summary>Tries at writing the sums against other voters' ballots before the voter is asked to click again.</summary>
    public const int MaxAttempts = 20;

    // Ballots of one round on one instance write one after the other: they would only collide on the sums row.
    private readonly ConcurrentDictionary<string, Gate> gates = new();

    public async Task<BallotReceipt> CastAsync(TenantScope scope, VotingRound round, string voterId, Ballot ballot, string? activityId,
        SecretRoundRead? read, CancellationToken cancellationToken)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, round.WorkshopId);
        var key = $"{partition}|{round.Id}";
        var gate = gates.GetOrAdd(key, _ => new Gate());
        await gate.Lock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                read ??= await ReadAsync(partition, round.Id, voterId, cancellationToken);
                if (read.Voted is { } voted)
                {
                    // Teams delivering the first ballot again is answered as then; anything else is a second ballot.
                    return !string.IsNullOrEmpty(activityId) && voted.GetString("ActivityId") == activityId
                        ? new BallotReceipt(BallotResult.Counted, string.Empty, WrittenWhileOpen: true)
                        : new BallotReceipt(BallotResult.AlreadyVoted, string.Empty);
                }

                // The sums this instance wrote last are newer than a read made before waiting at the gate, unless another
                // instance wrote meanwhile — then the ETag says so and the sums are read again.
                var current = gate.Last ?? read.Sums;
                var sums = (current is null ? SecretTally.Empty : ToTally(current)).Add(round, ballot);
                var row = ToRow(partition, round.Id, sums);
                TableTransactionAction[] batch =
                [
                    new(TableTransactionActionType.Add, new TableEntity(partition, Keys.VotedMarkerRow(round.Id, voterId))
                    {
                        ["PersonId"] = voterId, ["ActivityId"] = activityId ?? string.Empty,
                    }),
                    current is null
                        ? new(TableTransactionActionType.Add, row)
                        : new(TableTransactionActionType.UpdateReplace, row, current.ETag),
                    new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, Keys.RoundOpenRow(round.Id)), ETag.All),
                ];
                try
                {
                    var response = await table.SubmitTransactionAsync(batch, cancellationToken);
                    row.ETag = response.Value[1].Headers.ETag ?? default;
                    gate.Last = row;
                    return new BallotReceipt(BallotResult.Counted, string.Empty, WrittenWhileOpen: true);
                }
                catch (TableTransactionFailedException failure) when (failure.FailedIndex() == 2 && failure.Status == Failures.NotFound)
                {
                    // The round began closing: its tally may have read the sums already, so the ballot is not stored.
                    gates.TryRemove(new KeyValuePair<string, Gate>(key, gate));
                    return new BallotReceipt(BallotResult.TooLate, string.Empty);
                }
                catch (TableTransactionFailedException failure) when (failure.Status is Failures.Conflict or Failures.PreconditionFailed or Failures.NotFound)
                {
                    // The voter's other click was stored first (their "voted" row exists), or another instance's ballot
                    // changed the sums: read both again.
                    read = null;
                    gate.Last = null;
                    if (failure.FailedIndex() != 0)
                    {
                        await OptimisticRetry.PauseAsync(attempt, cancellationToken);
                    }
                }
            }

            return new BallotReceipt(BallotResult.Busy, string.Empty);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>The round's sums and the voter's "voted" row, in one query.</summary>
    public async Task<SecretRoundRead> ReadAsync(string partition, string roundId, string voterId, CancellationToken cancellationToken)
    {
        var sumsKey = Keys.SecretTallyRow(roundId);
        var votedKey = Keys.VotedMarkerRow(roundId, voterId);
        TableEntity? sums = null;
        TableEntity? voted = null;
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {sumsKey} or RowKey eq {votedKey})"), cancellationToken: cancellationToken))
        {
            if (row.RowKey == sumsKey)
            {
                sums = row;
            }
            else
            {
                voted = row;
            }
        }

        return new SecretRoundRead(sums, voted);
    }

    /// <summary>The sums, with the ballot rows of a round that was open when rounds still stored them folded in.</summary>
    public async Task<SecretCount> CountAsync(string partition, VotingRound round, CancellationToken cancellationToken)
    {
        var sumsKey = Keys.SecretTallyRow(round.Id);
        var ballots = Keys.BallotPrefix(round.Id);
        var stored = SecretTally.Empty;
        var earlier = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {sumsKey} or (RowKey ge {ballots} and RowKey lt {Keys.PrefixEnd(ballots)}))"),
            cancellationToken: cancellationToken))
        {
            if (row.RowKey == sumsKey)
            {
                stored = ToTally(row);
            }
            else
            {
                earlier.Add(row);
            }
        }

        return new SecretCount(
            earlier.Aggregate(stored, (tally, row) => tally.Add(round, VotingRepository.ToBallot(row))),
            earlier.Select(row => row.ETag.ToString()).ToList());
    }

    internal static TableEntity ToRow(string partition, string roundId, SecretTally sums) => new(partition, Keys.SecretTallyRow(roundId))
    {
        ["RoundId"] = roundId,
        ["Ballots"] = sums.Ballots,
        ["Sums"] = JsonSerializer.Serialize(sums.Items.ToList(), StorageJson.Default.ListSecretItem),
    };

    internal static SecretTally ToTally(TableEntity row) => new(
        row.GetInt32("Ballots") ?? 0,
        JsonSerializer.Deserialize(row.GetString("Sums") ?? "[]", StorageJson.Default.ListSecretItem) ?? []);

    private sealed class Gate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public TableEntity? Last { get; set; }
    }
}
