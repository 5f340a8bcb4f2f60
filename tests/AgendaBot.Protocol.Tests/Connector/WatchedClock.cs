using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>A fake clock that tells how long someone started waiting on it, so a test moves time on only then.</summary>
internal sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly TaskCompletionSource<TimeSpan> timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TimeSpan> WaitForTimerAsync() => timerCreated.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timerCreated.TrySetResult(dueTime);
        return timer;
    }
}
