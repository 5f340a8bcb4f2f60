namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>
/// A background service that runs a pass every interval on its <see cref="TimeProvider"/> — e.g. looking for deadlines
/// that passed. A failed pass is logged and tried again at the next one; only stopping ends the loop.
/// </summary>
public abstract partial class PeriodicPass(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>For the subclass, which hands its own clock and logger over here rather than keeping a second copy.</summary>
    protected TimeProvider Time => time;

    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait first: at start-up the tables may still be being created.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPassFailed(logger, failure, GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass of {Service} failed; trying again at the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception failure, string service);
}
