using System.Collections.Concurrent;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using Azure;

namespace AgendaBot.Features.Voting;

/// <summary>What this instance checked before a voter's ballot: the round as put to the vote, and their registration.</summary>
/// <param name="Registration">The ETag of the voter's registration row, which their next ballot requires unchanged.</param>
/// <param name="HasBallot">Whether the voter's ballot in this round is stored (then the next one is a change).</param>
public sealed record KnownVoter(VotingRound Round, Workshop Workshop, ETag Registration, bool HasBallot = true);

/// <summary>
/// Voters of a workshop whose registration this instance has checked, and the open named rounds it has seen, so a
/// ballot can be one transaction that re-checks everything that can change — the round still open, the registration
/// still the same row version, and for a first ballot that there is none yet — instead of reading first
/// (docs/performance.md). A registration checked in one round serves the voter's ballots in the workshop's later
/// rounds, so in a real round, where everyone votes once, a ballot needs no read either. What is kept here cannot
/// grant anything by itself: a stale entry makes that transaction fail, and the ballot takes the full path with every
/// read. Bounded, and dropped whole when full: a miss only costs the reads.
/// </summary>
public sealed class KnownVoters
{
    private const int Capacity = 20_000;

    // A voter's last known ballot anywhere in the workshop: its registration version serves their next ballot in any round.
    private readonly ConcurrentDictionary<string, KnownVoter> registrations = new();
    private readonly ConcurrentDictionary<string, VotingRound> rounds = new();
    private readonly ConcurrentDictionary<string, bool> ballots = new();

    public KnownVoter? Find(TenantScope tenant, string workshopId, string roundId, string voterId) =>
        rounds.TryGetValue(RoundKey(tenant, workshopId, roundId), out var round)
        && registrations.TryGetValue(VoterKey(tenant, workshopId, voterId), out var registration)
            ? registration with { Round = round, HasBallot = ballots.ContainsKey(BallotKey(tenant, workshopId, roundId, voterId)) }
            : null;

    /// <summary>A named round this instance started or read while it was open.</summary>
    public void RememberRound(TenantScope tenant, VotingRound round)
    {
        if (round.Anonymous || round.State != RoundState.Open)
        {
            return;
        }

        Bound(rounds);
        rounds[RoundKey(tenant, round.WorkshopId, round.Id)] = round;
    }

    /// <summary>The voter's ballot in <see cref="KnownVoter.Round"/> is stored, with their registration at that version.</summary>
    public void Remember(TenantScope tenant, string voterId, KnownVoter known)
    {
        RememberRound(tenant, known.Round);
        Bound(registrations);
        Bound(ballots);
        registrations[VoterKey(tenant, known.Round.WorkshopId, voterId)] = known;
        ballots[BallotKey(tenant, known.Round.WorkshopId, known.Round.Id, voterId)] = true;
    }

    /// <summary>Something no longer held: the next ballot reads and checks everything again.</summary>
    public void Forget(TenantScope tenant, string workshopId, string roundId, string voterId)
    {
        rounds.TryRemove(RoundKey(tenant, workshopId, roundId), out _);
        registrations.TryRemove(VoterKey(tenant, workshopId, voterId), out _);
        ballots.TryRemove(BallotKey(tenant, workshopId, roundId, voterId), out _);
    }

    private static void Bound<T>(ConcurrentDictionary<string, T> memory)
    {
        if (memory.Count >= Capacity)
        {
            memory.Clear();
        }
    }

    private static string RoundKey(TenantScope tenant, string workshopId, string roundId) => $"{tenant.TenantId}|{workshopId}|{roundId}";

    private static string VoterKey(TenantScope tenant, string workshopId, string voterId) => $"{tenant.TenantId}|{workshopId}|{voterId}";

    private static string BallotKey(TenantScope tenant, string workshopId, string roundId, string voterId) =>
        $"{tenant.TenantId}|{workshopId}|{roundId}|{voterId}";
}
