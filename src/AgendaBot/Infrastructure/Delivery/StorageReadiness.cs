namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// Background services create their queue and tables before they start, and wait for storage when it is not reachable
/// yet — the bot itself keeps answering meanwhile.
/// </summary>
internal static partial class StorageReadiness
{
    public static async Task WaitAsync(Func<CancellationToken, Task> ensureCreated, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ensureCreated(stoppingToken);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogNotReady(logger, attempt, failure.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery storage not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogNotReady(ILogger logger, int attempt, string reason);
}
