using System.Collections.Concurrent;
using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Workshops;

/// <summary>Whether a channel hosts a workshop, and who steers it there (its moderators and the agenda's project lead).</summary>
// Seam: what ChannelSteering answers (help chooses its buttons by it).
[Seam]
public sealed record ChannelFacts(bool HasWorkshop, IReadOnlySet<string> Steering)
{
    public static ChannelFacts NoWorkshop { get; } = new(false, new HashSet<string>(StringComparer.Ordinal));
}

/// <summary>
/// What a plain turn in a channel (<c>@AgendaBot hilfe</c>) needs to know about the channel, remembered so that the
/// turn reads nothing from storage — three reads (workshop, registration, agenda) each time before.
/// <para>
/// Invalidation: everything on this instance that changes the facts forgets them at once — opening or ending a
/// workshop forgets its channel, an erasure (which may take a moderator or the lead out) forgets all. Another instance
/// cannot tell this one, so there a fact lives at most <see cref="Lifetime"/>: for that long after a workshop opens on
/// another instance, help in its channel may still offer the buttons of a channel without one. Help is a hint; every
/// command and click is checked against storage, so a stale fact shows a button, never grants anything.
/// </para>
/// </summary>
// Seam: an erasure (privacy) forgets what it may have made stale.
[Seam]
public sealed class ChannelSteering(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Enough for every channel of a large town many times over; beyond it the cache starts afresh rather than grow.
    private const int MaxChannels = 10_000;

    private readonly ConcurrentDictionary<string, (ChannelFacts Facts, DateTimeOffset Until)> channels = new(StringComparer.Ordinal);

    // Bumped by every forgetting: a read that began before it must not store what it read.
    private long generation;

    public async Task<ChannelFacts> GetAsync(TurnContext turn, WorkshopFinder finder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(finder);
        var key = Key(turn.Tenant.TenantId, WorkshopFinder.BoundConversationOf(turn.Activity));
        var now = time.GetUtcNow();
        if (channels.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Facts;
        }

        var before = Interlocked.Read(ref generation);
        var here = await finder.FindHereAsync(turn, cancellationToken);
        var facts = here is null
            ? ChannelFacts.NoWorkshop
            : new ChannelFacts(true, new HashSet<string>(here.Value.ModeratorIds.Append(here.Agenda.ProjectLead.Id), StringComparer.Ordinal));
        if (Interlocked.Read(ref generation) == before)
        {
            if (channels.Count >= MaxChannels)
            {
                channels.Clear();
            }

            channels[key] = (facts, now + Lifetime);
        }

        return facts;
    }

    /// <summary>A workshop opened or ended in this channel.</summary>
    public void Forget(string tenantId, string boundConversation)
    {
        Interlocked.Increment(ref generation);
        channels.TryRemove(Key(tenantId, boundConversation), out _);
    }

    /// <summary>Someone's data was erased: they may have steered any channel.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref generation);
        channels.Clear();
    }

    private static string Key(string tenantId, string boundConversation) => $"{tenantId}\n{boundConversation}";
}
