using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// Keeps one person from flooding a workshop (and through its pinboard, Teams): at most
/// <see cref="ContributionOptions.MaxPerPersonPerMinute"/> contributions per person, workshop and sliding minute. In
/// memory, per instance: a restart forgets, and n instances allow up to n times as many — enough against a runaway
/// client or a stuck key, which is what it is for.
/// </summary>
public sealed class ContributionPace(TimeProvider time, IOptions<ContributionOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> saved = new(StringComparer.Ordinal);
    private DateTimeOffset nextSweep;

    /// <summary>
    /// Takes a slot for a contribution about to be stored (through <see cref="StoreAsync"/>), or returns the refusal to
    /// answer (nothing taken).
    /// </summary>
    public string? TryTake(TurnContext turn, string workshopId)
    {
        var key = Key(turn.Tenant, workshopId, turn.User.Id);
        lock (gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            if (!saved.TryGetValue(key, out var times))
            {
                times = new Queue<DateTimeOffset>();
                saved[key] = times;
            }

            Expire(times, now);
            if (times.Count >= options.Value.MaxPerPersonPerMinute)
            {
                return turn.Texts.Format(TextKey.ContributionRateLimited, times.Count);
            }

            times.Enqueue(now);
            return null;
        }
    }

    /// <summary>Stores the contribution a slot was taken for; a redelivery or a refusal gives the slot back.</summary>
    public async Task<ContributionOutcome> StoreAsync(TurnContext turn, string workshopId, Func<Task<ContributionOutcome>> store)
    {
        ContributionOutcome outcome;
        try
        {
            outcome = await store();
        }
        catch
        {
            GiveBack(turn, workshopId);
            throw;
        }

        if (outcome.WasDuplicate)
        {
            GiveBack(turn, workshopId);
        }

        return outcome;
    }

    private void GiveBack(TurnContext turn, string workshopId)
    {
        lock (gate)
        {
            if (saved.TryGetValue(Key(turn.Tenant, workshopId, turn.User.Id), out var times) && times.Count > 0)
            {
                // The newest is this turn's (or one as recent): what counts is how many, not which.
                var kept = times.Take(times.Count - 1).ToList();
                times.Clear();
                kept.ForEach(times.Enqueue);
            }
        }
    }

    private static string Key(TenantScope tenant, string workshopId, string userId) => $"{tenant.TenantId}\n{workshopId}\n{userId}";

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }

    // People who saved nothing for a minute need no memory.
    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep)
        {
            return;
        }

        nextSweep = now + Window;
        foreach (var key in saved.Where(entry => { Expire(entry.Value, now); return entry.Value.Count == 0; }).Select(entry => entry.Key).ToList())
        {
            saved.Remove(key);
        }
    }
}
