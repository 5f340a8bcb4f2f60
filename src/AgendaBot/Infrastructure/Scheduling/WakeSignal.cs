using System.Threading.Channels;

namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>
/// Wakes a polling worker of this instance when work was put where it looks, so it does not sleep out its poll
/// interval; work put there by another instance is found at the next poll.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => wake.Writer.TryWrite(true);

    /// <summary>Returns after <paramref name="timeout"/> or earlier when woken.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval is over.
        }
    }
}
