using System.Collections.Concurrent;

namespace AgendaBot.Storage;

/// <summary>
/// What this instance read for a public page, kept for <see cref="For"/> so that a link in the newspaper does not reach
/// storage on every view; forgotten at once when this instance changes it. Bounded: beyond <c>MaxRemembered</c> keys it
/// starts afresh rather than grow. A value read once is handed out as the same object until it is read again.
/// </summary>
public sealed class RecentReads<TValue>(TimeProvider time)
{
    /// <summary>How long a page may show what was read last: a change on another instance shows after this.</summary>
    public static readonly TimeSpan For = TimeSpan.FromSeconds(30);

    private const int MaxRemembered = 1_000;

    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Until)> read = new(StringComparer.Ordinal);

    /// <param name="stillGood">Whether what was read is still what the caller needs (besides its age).</param>
    public async Task<TValue> GetAsync(string key, Func<Task<TValue>> readNow, Func<TValue, bool>? stillGood = null)
    {
        ArgumentNullException.ThrowIfNull(readNow);
        var now = time.GetUtcNow();
        if (read.TryGetValue(key, out var known) && known.Until > now && (stillGood is null || stillGood(known.Value)))
        {
            return known.Value;
        }

        var value = await readNow();
        if (read.Count >= MaxRemembered)
        {
            read.Clear();
        }

        read[key] = (value, now + For);
        return value;
    }

    public void Forget(string key) => read.TryRemove(key, out _);
}
