using AgendaBot.Domain.People;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Voting;

/// <summary>
/// What a ballot is checked against, read together: the workshop header, the voter's registration, the round, the
/// voter's earlier ballot (named rounds) and the contributions the ballot card names.
/// </summary>
/// <param name="VoterVersion">The ETag of the voter's registration row, for a later ballot that requires it unchanged.</param>
/// <param name="Secret">A secret round's sums and the voter's "voted" row, for <see cref="VotingRepository.CastSecretAsync"/>.</param>
public sealed record BallotScene(
    Versioned<Workshop>? Workshop, Participant? Voter, Versioned<VotingRound>? Round, bool EarlierBallot, IReadOnlyList<Contribution> Contributions,
    Azure.ETag VoterVersion = default, SecretRoundRead? Secret = null);

/// <summary>A round as read after a ballot was written, with the turnout: how many ballots it has (a secret round: its sums' count).</summary>
public sealed record RoundTurnout(VotingRound Round, int Turnout);

/// <summary>What the shared ballot card shows: the round with its turnout, the workshop header and the contributions.</summary>
public sealed record BallotCardScene(RoundTurnout Round, Workshop? Workshop, IReadOnlyList<Contribution> Contributions);

/// <summary>
/// The reads of a ballot, each one query: all rows it needs live in the workshop's partition (docs/storage.md), so an
/// <c>or</c> of their row keys replaces a point read each — the ballot's hot path is storage round-trips.
/// </summary>
public sealed class BallotReads(StorageTables tables)
{
    private readonly TableClient table = tables.Workshops;

    /// <param name="withContributions">False when the caller knows them already: a workshop can have hundreds.</param>
    public async Task<BallotScene> ReadSceneAsync(TenantScope scope, string workshopId, string voterId, string roundId,
        bool withContributions = true, CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        var header = Keys.WorkshopHeaderRow;
        var voter = Keys.ParticipantRow(voterId);
        var round = Keys.RoundRow(roundId);
        var ballot = Keys.BallotRow(roundId, voterId);
        // A secret round's sums and "voted" row come along (absent in a named round): its ballot then needs no read of its own.
        var sums = Keys.SecretTallyRow(roundId);
        var voted = Keys.VotedMarkerRow(roundId, voterId);
        var filter = withContributions
            ? TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and (RowKey eq {header} or RowKey eq {voter} or RowKey eq {round} or RowKey eq {ballot} or RowKey eq {sums} or RowKey eq {voted} or (RowKey ge {Keys.ContributionPrefix} and RowKey lt {Keys.PrefixEnd(Keys.ContributionPrefix)}))")
            : TableClient.CreateQueryFilter(
                $"PartitionKey eq {partition} and (RowKey eq {header} or RowKey eq {voter} or RowKey eq {round} or RowKey eq {ballot} or RowKey eq {sums} or RowKey eq {voted})");
        Versioned<Workshop>? workshop = null;
        Participant? participant = null;
        Azure.ETag participantVersion = default;
        Versioned<VotingRound>? storedRound = null;
        var earlierBallot = false;
        TableEntity? storedSums = null;
        TableEntity? votedRow = null;
        var contributions = new List<Contribution>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (row.RowKey == header)
            {
                workshop = new Versioned<Workshop>(Workshops.WorkshopRows.ToWorkshop(row), row.ETag);
            }
            else if (row.RowKey == voter)
            {
                participant = Workshops.WorkshopRows.ToParticipant(row);
                participantVersion = row.ETag;
            }
            else if (row.RowKey == round)
            {
                storedRound = new Versioned<VotingRound>(VotingRepository.ToRound(row), row.ETag);
            }
            else if (row.RowKey == ballot)
            {
                earlierBallot = true;
            }
            else if (row.RowKey == sums)
            {
                storedSums = row;
            }
            else if (row.RowKey == voted)
            {
                votedRow = row;
            }
            else
            {
                contributions.Add(Workshops.WorkshopRows.ToContribution(row));
            }
        }

        return new BallotScene(workshop, participant, storedRound, earlierBallot, contributions, participantVersion,
            storedRound?.Value.Anonymous == true ? new SecretRoundRead(storedSums, votedRow) : null);
    }

    /// <summary>
    /// Everything the shared ballot card shows, in one query: the round, the number of its ballots, the workshop header
    /// and the contributions. Null when the round is gone.
    /// </summary>
    public async Task<BallotCardScene?> ReadCardSceneAsync(TenantScope scope, string workshopId, string roundId,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        var header = Keys.WorkshopHeaderRow;
        var round = Keys.RoundRow(roundId);
        var ballots = Keys.BallotPrefix(roundId);
        var sums = Keys.SecretTallyRow(roundId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {header} or RowKey eq {round} or RowKey eq {sums} or (RowKey ge {ballots} and RowKey lt {Keys.PrefixEnd(ballots)}) or (RowKey ge {Keys.ContributionPrefix} and RowKey lt {Keys.PrefixEnd(Keys.ContributionPrefix)}))");
        VotingRound? stored = null;
        Workshop? workshop = null;
        var turnout = 0;
        var contributions = new List<Contribution>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (row.RowKey == round)
            {
                stored = VotingRepository.ToRound(row);
            }
            else if (row.RowKey == header)
            {
                workshop = Workshops.WorkshopRows.ToWorkshop(row);
            }
            else if (row.RowKey == sums)
            {
                turnout += row.GetInt32("Ballots") ?? 0;
            }
            else if (row.RowKey.StartsWith(ballots, StringComparison.Ordinal))
            {
                turnout++;
            }
            else
            {
                contributions.Add(Workshops.WorkshopRows.ToContribution(row));
            }
        }

        return stored is null ? null : new BallotCardScene(new RoundTurnout(stored, turnout), workshop, contributions);
    }

    /// <summary>The round and the number of its ballots in one query (only the row keys of the ballots come back).</summary>
    public async Task<RoundTurnout?> ReadRoundWithTurnoutAsync(TenantScope scope, string workshopId, string roundId,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        var round = Keys.RoundRow(roundId);
        var ballots = Keys.BallotPrefix(roundId);
        var sums = Keys.SecretTallyRow(roundId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {round} or RowKey eq {sums} or (RowKey ge {ballots} and RowKey lt {Keys.PrefixEnd(ballots)}))");
        VotingRound? stored = null;
        var turnout = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [.. VotingRepository.RoundColumns, "Ballots"], cancellationToken: cancellationToken))
        {
            if (row.RowKey == round)
            {
                stored = VotingRepository.ToRound(row);
            }
            else if (row.RowKey == sums)
            {
                turnout += row.GetInt32("Ballots") ?? 0;
            }
            else
            {
                turnout++;
            }
        }

        return stored is null ? null : new RoundTurnout(stored, turnout);
    }
}
