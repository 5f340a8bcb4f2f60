using System.Collections.Concurrent;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using Azure;

namespace AgendaBot.Features.Voting;

/// <summary>What a voter's stored ballot established: the round as it was put to the vote, and their registration.</summary>
/// <param name="Registration">The ETag of the voter's registration row, which their next ballot requires unchanged.</param>
public sealed record KnownVoter(VotingRound Round, Workshop Workshop, ETag Registration);

/// <summary>
/// Voters of open named rounds whose registration this instance has checked, so their next ballot can be one
/// transaction that re-checks everything that can change — the round still open, the registration still the same row
/// version — instead of reading first (docs/performance.md). What is kept here cannot grant anything by itself: a stale
/// entry makes that transaction fail, and the ballot takes the full path with every read. Bounded, and dropped whole
/// when full: a miss only costs the reads.
/// </summary>
public sealed class KnownVoters
{
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, KnownVoter> voters = new();

    public KnownVoter? Find(TenantScope tenant, string workshopId, string roundId, string voterId) =>
        voters.TryGetValue(Key(tenant, workshopId, roundId, voterId), out var known) ? known : null;

    public void Remember(TenantScope tenant, string voterId, KnownVoter known)
    {
        if (voters.Count >= Capacity)
        {
            voters.Clear();
        }

        voters[Key(tenant, known.Round.WorkshopId, known.Round.Id, voterId)] = known;
    }

    public void Forget(TenantScope tenant, string workshopId, string roundId, string voterId) =>
        voters.TryRemove(Key(tenant, workshopId, roundId, voterId), out _);

    private static string Key(TenantScope tenant, string workshopId, string roundId, string voterId) =>
        $"{tenant.TenantId}|{workshopId}|{roundId}|{voterId}";
}
