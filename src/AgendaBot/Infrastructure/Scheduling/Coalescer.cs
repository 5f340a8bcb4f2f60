using System.Collections.Concurrent;

namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>
/// Runs the update of something many requests change (a card everyone sees) at most once per interval and key, on
/// this instance: the first request after a quiet interval runs the update at once, within the request (so a single
/// change shows as before); requests within the interval leave one trailing update at its end, which reads the newest
/// state when it runs, so a burst never loses its last change. Instances do not know of each other: with n instances
/// a key may be updated up to n times per interval. A key keeps a small slot for the life of the process (one per
/// workshop for the pinboard).
/// </summary>
public sealed partial class Coalescer(TimeProvider time, ILogger logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Slot> slots = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();

    /// <summary>No update is running or waiting on this instance (tests wait for it before reading what was sent).</summary>
    public bool IsIdle => slots.Values.All(slot => slot.IsIdle);

    /// <param name="update">
    /// Reads the newest state and shows it; returns false when it left work for later (e.g. Teams' rate was used up),
    /// which schedules a further trailing update. The latest request's update is the one a trailing run calls.
    /// </param>
    public async Task RequestAsync(string key, TimeSpan interval, Func<CancellationToken, Task<bool>> update, CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(key, _ => new Slot());
        lock (slot.Gate)
        {
            slot.Update = update;
            slot.Interval = interval;
        }

        if (time.GetUtcNow() - slot.LastStarted < interval || !slot.Running.Wait(0, CancellationToken.None))
        {
            ScheduleTrailing(key, slot);
            return;
        }

        try
        {
            if (await RunAsync(key, slot, update, cancellationToken) != Outcome.Done)
            {
                ScheduleTrailing(key, slot);
            }
        }
        finally
        {
            slot.Running.Release();
        }
    }

    // Failures are logged, not thrown: what the request changed is stored, and its author must hear so; the trailing
    // update (or the next request) tries again.
    private async Task<Outcome> RunAsync(string key, Slot slot, Func<CancellationToken, Task<bool>> update, CancellationToken cancellationToken)
    {
        slot.LastStarted = time.GetUtcNow();
        try
        {
            return await update(cancellationToken) ? Outcome.Done : Outcome.More;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogUpdateFailed(logger, failure, key);
            return Outcome.Failed;
        }
    }

    private enum Outcome
    {
        Done,
        More,
        Failed,
    }

    private void ScheduleTrailing(string key, Slot slot)
    {
        lock (slot.Gate)
        {
            if (slot.TrailingScheduled)
            {
                return;
            }

            slot.TrailingScheduled = true;
        }

        // Not part of the request: its trace, its cancellation and its wait end with the answer to the person.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => TrailAsync(key, slot));
        }
    }

    private async Task TrailAsync(string key, Slot slot)
    {
        try
        {
            while (true)
            {
                var wait = slot.LastStarted + slot.Interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stopping.Token);
                }

                await slot.Running.WaitAsync(stopping.Token);
                if (time.GetUtcNow() - slot.LastStarted >= slot.Interval)
                {
                    break;
                }

                // A request's own update ran meanwhile: wait out its interval, too.
                slot.Running.Release();
            }

            try
            {
                Func<CancellationToken, Task<bool>> update;
                // Cleared before the state is read: a change after this point schedules the next update.
                lock (slot.Gate)
                {
                    slot.TrailingScheduled = false;
                    update = slot.Update!;
                }

                // A failed trailing update is not repeated on its own (Teams may be down); the next request tries again.
                if (await RunAsync(key, slot, update, stopping.Token) == Outcome.More)
                {
                    ScheduleTrailing(key, slot);
                }
            }
            finally
            {
                slot.Running.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the next change redraws from what is stored.
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private sealed class Slot
    {
        public SemaphoreSlim Running { get; } = new(1, 1);

        public Func<CancellationToken, Task<bool>>? Update { get; set; }

        public TimeSpan Interval { get; set; }

        public bool TrailingScheduled { get; set; }

        private long lastStartedTicks = DateTimeOffset.MinValue.UtcTicks;

        public DateTimeOffset LastStarted
        {
            get => new(Interlocked.Read(ref lastStartedTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref lastStartedTicks, value.UtcTicks);
        }

        public Lock Gate { get; } = new();

        public bool IsIdle
        {
            get
            {
                lock (Gate)
                {
                    return !TrailingScheduled && Running.CurrentCount == 1;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating {Key} failed; the next change tries again")]
    private static partial void LogUpdateFailed(ILogger logger, Exception failure, string key);
}
