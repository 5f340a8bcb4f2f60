using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Tests.Scheduling;

/// <summary>A fake clock that reports every wait started on it, so a test moves time on exactly to the end of that wait.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> waits = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Waits (in real time) until someone starts waiting on this clock, and moves the clock to the end of that wait.</summary>
    public async Task<DateTimeOffset> StepAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var wait = await waits.Reader.ReadAsync(timeout.Token);
        Advance(wait);
        return GetUtcNow();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        waits.Writer.TryWrite(dueTime);
        return timer;
    }
}
