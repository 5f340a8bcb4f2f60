using AgendaBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// The gauge <c>agendabot.outbox.depth</c>: posts waiting in the outbox queue. Reading it asks Queue Storage at most
/// once per <see cref="TelemetryOptions.QueueDepthRefresh"/>; in between, and while a read is under way, an
/// exporter gets the last known count, so a frequent scrape never turns into storage traffic. A hosted service only so
/// that the host creates it, and with it the gauge, at start.
/// </summary>
public sealed partial class OutboxDepthGauge : IHostedService
{
    private readonly OutboxQueue outbox;
    private readonly TimeProvider time;
    private readonly TimeSpan refresh;
    private readonly ILogger<OutboxDepthGauge> logger;
    private long depth = -1;
    private long readAtTicks = DateTimeOffset.MinValue.UtcTicks;
    private int reading;

    public OutboxDepthGauge(BotMetrics metrics, OutboxQueue outbox, TimeProvider time, IOptions<TelemetryOptions> options,
        ILogger<OutboxDepthGauge> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        this.outbox = outbox;
        this.time = time;
        this.logger = logger;
        refresh = options.Value.QueueDepthRefresh;
        metrics.Meter.CreateObservableGauge("agendabot.outbox.depth", Observe, "{post}",
            "Posts in the outbox queue (approximate, includes those being delivered).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<System.Diagnostics.Metrics.Measurement<long>> Observe()
    {
        var readAt = new DateTimeOffset(Interlocked.Read(ref readAtTicks), TimeSpan.Zero);
        if (time.GetUtcNow() - readAt >= refresh && Interlocked.Exchange(ref reading, 1) == 0)
        {
            _ = ReadAsync();
        }

        var known = Interlocked.Read(ref depth);
        return known >= 0 ? [new(known)] : [];
    }

    private async Task ReadAsync()
    {
        try
        {
            Interlocked.Exchange(ref depth, await outbox.ApproximateCountAsync());
            Interlocked.Exchange(ref readAtTicks, time.GetUtcNow().UtcTicks);
        }
        catch (Exception failure) when (failure is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // The last known count stays, and the next reading of the gauge (once per export interval) asks again: a
            // queue not created yet must not hide the depth for a whole refresh interval. Outages show up in the
            // storage spans and the delivery worker's logs.
            LogReadFailed(logger, failure);
        }
        finally
        {
            Volatile.Write(ref reading, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the outbox depth")]
    private static partial void LogReadFailed(ILogger logger, Exception failure);
}
