using System.Collections.Concurrent;

namespace AgendaBot.Storage;

/// <summary>
/// Writers of one partition's counters (a workshop's participant count and contribution numbers) in this process take
/// turns. Without, a burst — fifteen people registering or contributing at the same moment — collides on the header's
/// ETag, and most writers retry after random, growing pauses (the workshop day in docs/performance.md). Writers in other
/// processes still race them; the ETag keeps every write correct either way, so this only orders, never guards.
/// </summary>
internal static class CounterGate
{
    private const int MaxKept = 10_000;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string table, string partition, CancellationToken cancellationToken)
    {
        if (Gates.Count > MaxKept)
        {
            // A gate dropped while held still works for its holders; a newcomer only races them, as across processes.
            Gates.Clear();
        }

        var gate = Gates.GetOrAdd(table + "\n" + partition, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
