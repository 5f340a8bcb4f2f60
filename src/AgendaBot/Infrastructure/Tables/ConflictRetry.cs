using AgendaBot.Domain.Common;
using AgendaBot.Storage;

namespace AgendaBot.Infrastructure.Tables;

/// <summary>
/// Runs a read-modify-write that loses to a concurrent writer (<see cref="DomainErrorCode.Conflict"/>) again, with
/// the storage layer's bound and pause (<see cref="OptimisticRetry"/>). Giving up is logged as a warning, so a write
/// that never landed is visible in the logs instead of lost in silence.
/// </summary>
public static partial class ConflictRetry
{
    /// <param name="what">Names the write in the warning (e.g. "pinboard ids"), without personal data.</param>
    /// <param name="attempt">One read-modify-write; it reads afresh each time, so a retry sees the winner's change.</param>
    /// <returns>True when an attempt succeeded; false when every attempt lost (logged).</returns>
    public static async Task<bool> TryAsync(ILogger logger, string what, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var tried = 1; tried <= OptimisticRetry.MaxAttempts; tried++)
        {
            try
            {
                await attempt(cancellationToken);
                return true;
            }
            catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
            {
                if (tried < OptimisticRetry.MaxAttempts)
                {
                    await OptimisticRetry.PauseAsync(tried, cancellationToken);
                }
            }
        }

        LogGaveUp(logger, what, OptimisticRetry.MaxAttempts);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up writing {What} after {Attempts} attempts lost to concurrent writers")]
    private static partial void LogGaveUp(ILogger logger, string what, int attempts);
}
