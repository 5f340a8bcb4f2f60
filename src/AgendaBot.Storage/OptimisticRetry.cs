namespace AgendaBot.Storage;

/// <summary>
/// How often a read-modify-write on a contended row (a workshop's counters) is tried again after losing a race,
/// and how long to wait: a random pause that grows, so that the losers do not collide again in lock-step. The host's
/// read-modify-write loops use the same policy through <c>ConflictRetry</c>, which also logs when it gives up.
/// </summary>
public static class OptimisticRetry
{
    public const int MaxAttempts = 25;

    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * Math.Min(attempt, 10)), cancellationToken);
}
