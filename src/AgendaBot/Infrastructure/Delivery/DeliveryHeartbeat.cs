using AgendaBot.Storage.Delivery;
using Azure;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// Keeps one delivery's hold on its post for as long as the delivery runs — claiming, waiting for a rate-limit slot,
/// the connector's retries — by renewing, every half of the shorter of visibility timeout and claim lifetime, the
/// message's visibility and (once <see cref="Hold"/> was called) the claim's lease. The lease is what keeps the post
/// single: a busy machine may renew the message too late and see it handed out again, but that copy finds the claim
/// held and is put back. Stop it before the message is deleted or put back: that needs the newest pop receipt, which a
/// renewal replaces (<see cref="ReleaseAsync"/>, which needs the newest ETag, stops it itself).
/// </summary>
internal sealed partial class DeliveryHeartbeat : IAsyncDisposable
{
    private readonly OutboxQueue outbox;
    private readonly DeliveryLedger ledger;
    private readonly ReceivedPost post;
    private readonly DeliveryOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task beating;
    private volatile Claim? claim;
    private volatile bool claimLost;
    private bool messageLost;
    private bool stopped;

    private DeliveryHeartbeat(OutboxQueue outbox, DeliveryLedger ledger, ReceivedPost post, DeliveryOptions settings, TimeProvider time,
        ILogger logger, CancellationToken stoppingToken)
    {
        this.outbox = outbox;
        this.ledger = ledger;
        this.post = post;
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        beating = BeatAsync(stoppingToken);
    }

    public static DeliveryHeartbeat Start(OutboxQueue outbox, DeliveryLedger ledger, ReceivedPost post, DeliveryOptions settings,
        TimeProvider time, ILogger logger, CancellationToken stoppingToken) =>
        new(outbox, ledger, post, settings, time, logger, stoppingToken);

    /// <summary>The claim as last renewed; its ETag releases it.</summary>
    public Claim? Claim => claim;

    /// <summary>Whether the claim is still this delivery's: not taken over, and not expired by this instance's clock.</summary>
    public bool HoldsClaim => claim is { } held && !claimLost && time.GetUtcNow() < held.HeldUntil;

    /// <summary>From now on the claim is renewed along with the message.</summary>
    public void Hold(Claim claimed) => claim = claimed;

    private async Task BeatAsync(CancellationToken stoppingToken)
    {
        var interval = (settings.VisibilityTimeout < settings.ClaimLifetime ? settings.VisibilityTimeout : settings.ClaimLifetime) / 2;
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Neither renewal is cancelled by stop: one cut off halfway would leave us without the new pop receipt or ETag.
            // Side by side, so that a slow queue does not let the claim lapse.
            await Task.WhenAll(RenewMessageAsync(stoppingToken), RenewClaimAsync(stoppingToken));
        }
    }

    private async Task RenewMessageAsync(CancellationToken stoppingToken)
    {
        if (messageLost)
        {
            return;
        }

        try
        {
            await outbox.RenewAsync(post, settings.VisibilityTimeout, stoppingToken);
        }
        catch (RequestFailedException failure) when (OutboxQueue.IsAnothers(failure))
        {
            // Handed out again after our visibility ran out: its pop receipt is another's now. The claim keeps the post single.
            messageLost = true;
            LogMessageLost(logger, post.MessageId);
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            LogRenewalFailed(logger, failure, post.MessageId);
        }
    }

    private async Task RenewClaimAsync(CancellationToken stoppingToken)
    {
        if (claim is not { } held || claimLost || post.Envelope is not { } envelope)
        {
            return;
        }

        try
        {
            if (await ledger.RenewAsync(envelope.Scope, envelope.Key, held, time.GetUtcNow(), settings.ClaimLifetime, stoppingToken) is { } renewed)
            {
                claim = renewed;
            }
            else
            {
                claimLost = true;
                LogClaimLost(logger, envelope.Key);
            }
        }
        catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
        {
            // Storage away for a moment (or a request timed out): the lease lasts a while yet, the next beat tries again.
            LogRenewalFailed(logger, failure, post.MessageId);
        }
    }

    /// <summary>Stops, then gives the claim up with its newest ETag (deferred or parked), so that a later copy may try.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        if (claim is { } held && post.Envelope is { } envelope)
        {
            await ledger.ReleaseAsync(envelope.Scope, envelope.Key, held.ETag, cancellationToken);
        }
    }

    /// <summary>
    /// After a failure before anything was sent (storage away, a bug, the host stopping): gives the claim up, tried again
    /// while storage is away for as long as the claim would last anyway. Never throws: the failure itself is what counts.
    /// </summary>
    public async Task ReleaseAfterFailureAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReleaseAsync(CancellationToken.None);
                return;
            }
            catch (Exception failure) when (failure is RequestFailedException or AggregateException)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(attempt, 5));
                if (stoppingToken.IsCancellationRequested || claim is not { } held || time.GetUtcNow() + pause >= held.HeldUntil)
                {
                    return;
                }

                LogReleaseLater(logger, post.Envelope?.Key, attempt);
                try
                {
                    await Task.Delay(pause, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Ends the renewals; afterwards <see cref="Claim"/> and the message's pop receipt are final.</summary>
    public async ValueTask StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        await stop.CancelAsync();
        try
        {
            await beating;
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the claim on post {Key} (attempt {Attempt}); trying again")]
    private static partial void LogReleaseLater(ILogger logger, string? key, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew message {MessageId} or its claim; trying again at the next beat")]
    private static partial void LogRenewalFailed(ILogger logger, Exception failure, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was handed out again while still being delivered; its claim keeps it from going out twice")]
    private static partial void LogMessageLost(ILogger logger, string messageId);

    // Information only: it is also what a renewal finds that crossed the "sent" marker of this very delivery.
    [LoggerMessage(Level = LogLevel.Information, Message = "The claim on post {Key} is no longer this delivery's (marked sent, or taken over after it lapsed)")]
    private static partial void LogClaimLost(ILogger logger, string key);
}
