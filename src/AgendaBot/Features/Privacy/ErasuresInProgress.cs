using System.Collections.Concurrent;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// One erasure per person at a time in this process: a click Teams delivers twice runs after the first, finds nothing
/// left and says so, instead of racing it over the same rows.
/// </summary>
public sealed class ErasuresInProgress
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> running = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var gate = running.GetOrAdd($"{tenantId}\n{userId}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
