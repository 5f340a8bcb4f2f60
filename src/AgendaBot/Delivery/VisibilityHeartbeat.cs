using AgendaBot.Storage.Delivery;

namespace AgendaBot.Delivery;

/// <summary>
/// While a send is under way (rate-limit wait, connector retries honouring Retry-After), keeps the message hidden by
/// renewing its visibility every half timeout. Stop it before the message is deleted or put back: both need the
/// newest pop receipt, which a renewal replaces.
/// </summary>
internal sealed partial class VisibilityHeartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task beating;

    private VisibilityHeartbeat(OutboxQueue outbox, ReceivedPost post, TimeSpan visibility, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken) =>
        beating = BeatAsync(outbox, post, visibility, time, logger, stoppingToken);

    public static VisibilityHeartbeat Start(OutboxQueue outbox, ReceivedPost post, TimeSpan visibility, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken) =>
        new(outbox, post, visibility, time, logger, stoppingToken);

    private async Task BeatAsync(OutboxQueue outbox, ReceivedPost post, TimeSpan visibility, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await Task.Delay(visibility / 2, time, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // Not cancelled by stop: a renewal cut off halfway would leave us without the new pop receipt.
                await outbox.RenewAsync(post, visibility, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The message may reappear to another worker; its claim and "sent" marker keep the post single.
                LogRenewalFailed(logger, failure, post.MessageId);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await beating;
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }

        stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep message {MessageId} hidden while sending it")]
    private static partial void LogRenewalFailed(ILogger logger, Exception failure, string messageId);
}
