using System.Text.Json;
using AgendaBot.Domain.People;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using Azure;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// Delivers one message taken from the outbox: claims its idempotency key, finds the conversation, waits for a
/// rate-limit slot, sends through the connector at the conversation's own service URL, and then marks it sent and
/// deletes it — or puts it back for later, or parks it with the reason. A <see cref="DeliveryHeartbeat"/> keeps the
/// message hidden and the claim held all the while. One instance per message (a DI scope).
/// </summary>
public sealed partial class PostDelivery(
    OutboxQueue outbox,
    DeliveryLedger ledger,
    ParkedPosts parked,
    ConversationReferenceRepository references,
    ConnectorClient connector,
    SendRateLimiter limiter,
    WritesBlockedHandling blocking,
    IEnumerable<IRedrawnCards> redraws,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<PostDelivery> logger)
{
    // Once the connector was called, the post may have gone out: from then on a failure keeps the claim until it lapses.
    private bool sendStarted;

    private DeliveryOptions Settings => options.Value;

    public async Task DeliverAsync(ReceivedPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Envelope is not { } envelope)
        {
            await ParkAsync(post, null, post.Problem ?? "undecodable", cancellationToken);
            return;
        }

        if (post.DequeueCount > Settings.MaxDequeueCount)
        {
            await ParkAsync(post, null, $"taken from the queue {post.DequeueCount} times without finishing", cancellationToken);
            return;
        }

        // From the claim to the end, the message stays hidden and the claim held: also while waiting for a rate-limit slot.
        await using var heartbeat = DeliveryHeartbeat.Start(outbox, ledger, post, Settings, time, logger, cancellationToken);
        var now = time.GetUtcNow();
        var claim = await ledger.TryClaimAsync(envelope.Scope, envelope.Key, post.MessageId, now, Settings.ClaimLifetime, envelope.PersonId,
            cancellationToken);
        switch (claim.Outcome)
        {
            case ClaimOutcome.AlreadySent:
                LogDuplicate(logger, envelope.Key);
                await heartbeat.StopAsync();
                await outbox.CompleteAsync(post, cancellationToken: cancellationToken);
                return;
            case ClaimOutcome.HeldByOther:
                // Look again soon: by then the holder has usually finished (this copy is dropped) or died (its claim ends).
                var heldFor = claim.HeldUntil - now + TimeSpan.FromSeconds(1);
                await heartbeat.StopAsync();
                await outbox.DeferAsync(post, envelope, heldFor < Settings.VisibilityTimeout ? heldFor : Settings.VisibilityTimeout, cancellationToken);
                return;
            default:
                heartbeat.Hold(claim);
                try
                {
                    await DeliverClaimedAsync(post, envelope, heartbeat, cancellationToken);
                }
                catch (Exception) when (!sendStarted)
                {
                    // Nothing went out: the message, when it comes back, need not wait for the claim to lapse.
                    await heartbeat.ReleaseAfterFailureAsync(cancellationToken);
                    throw;
                }

                return;
        }
    }

    private async Task DeliverClaimedAsync(ReceivedPost post, OutboxEnvelope envelope, DeliveryHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        var scope = envelope.Scope;
        var reference = await references.GetAsync(scope, envelope.Conversation, cancellationToken);
        if (reference is null)
        {
            await ParkAsync(post, heartbeat, "no conversation reference: the bot was never installed there, or was removed", cancellationToken);
            return;
        }

        if (await blocking.BlockedReasonAsync(scope, reference, cancellationToken) is { } blocked)
        {
            await ParkAsync(post, heartbeat, blocked, cancellationToken);
            return;
        }

        Activity? activity;
        if (envelope.RedrawKind is { } kind)
        {
            if (redraws.FirstOrDefault(r => r.Kind == kind) is not { } redraw)
            {
                await ParkAsync(post, heartbeat, $"no redraw of the kind '{kind}' in this version of the bot", cancellationToken);
                return;
            }

            // Drawn now, from what storage holds now: a later delivery never brings back an older state.
            if (await redraw.RedrawAsync(scope, envelope.RedrawRef ?? string.Empty, cancellationToken) is not { } drawn)
            {
                await FinishAsync(post, envelope, heartbeat, new SendOutcome(envelope.UpdateActivityId ?? string.Empty, null, null), cancellationToken);
                return;
            }

            activity = AsBot(drawn, reference);
        }
        else if (await ReadActivityAsync(envelope, reference, cancellationToken) is { } read)
        {
            activity = read;
        }
        else
        {
            await ParkAsync(post, heartbeat, "the activity is missing or is no readable activity", cancellationToken);
            return;
        }

        var outcome = await SendWithinLimitsAsync(envelope, reference, activity, heartbeat, cancellationToken);
        await FinishAsync(post, envelope, heartbeat, outcome, cancellationToken);
    }

    private async Task<SendOutcome> SendWithinLimitsAsync(OutboxEnvelope envelope, ConversationReference reference, Activity activity,
        DeliveryHeartbeat heartbeat, CancellationToken cancellationToken)
    {
        if (await limiter.AcquireAsync(envelope.Tenant, envelope.Conversation, Settings.MaxRateLimitWait, cancellationToken) is { } later)
        {
            return new SendOutcome(null, null, later);
        }

        if (!heartbeat.HoldsClaim)
        {
            // Stalled past the claim's end: another copy may be sending already. Back to the queue; it finds out which.
            LogClaimLapsed(logger, envelope.Key);
            return new SendOutcome(null, null, Settings.VisibilityTimeout);
        }

        sendStarted = true;
        try
        {
            var sent = envelope.UpdateActivityId is { } activityId
                ? await connector.UpdateActivityAsync(reference.ServiceUrl, envelope.Conversation, activityId, activity, cancellationToken)
                : await connector.SendToConversationAsync(reference.ServiceUrl, envelope.Conversation, activity, cancellationToken);
            return new SendOutcome(sent.Id ?? envelope.UpdateActivityId ?? string.Empty, null, null);
        }
        catch (Exception exception) when (SendFailure.From(exception, cancellationToken) is { } failure)
        {
            return new SendOutcome(null, failure, null);
        }
    }

    private async Task FinishAsync(ReceivedPost post, OutboxEnvelope envelope, DeliveryHeartbeat heartbeat, SendOutcome outcome,
        CancellationToken cancellationToken)
    {
        if (outcome.ActivityId is { } activityId)
        {
            // The post is out: the bookkeeping must not be cut short by the host stopping, or it would go out again.
            // The heartbeat goes on until the "sent" marker is written, so that no other copy takes the claim before.
            await RecordSentAsync(envelope, activityId, cancellationToken);
            await heartbeat.StopAsync();
            await outbox.CompleteAsync(post, cancellationToken: CancellationToken.None);
            LogDelivered(logger, envelope.Key, envelope.Conversation, envelope.Attempts + 1);
            return;
        }

        if (outcome.PutBackFor is { } wait)
        {
            await heartbeat.ReleaseAsync(cancellationToken);
            await outbox.DeferAsync(post, envelope, wait, cancellationToken);
            return;
        }

        var failure = outcome.Failure!;
        var attempts = envelope.Attempts + 1;
        if (failure.Kind == SendFailureKind.WritesBlocked)
        {
            await blocking.BlockAsync(envelope, failure.Reason, cancellationToken);
            await ParkAsync(post, heartbeat, $"{failure.Reason}: the bot was blocked or removed in this conversation", cancellationToken, attempts);
            await blocking.NotifyAsync(envelope, cancellationToken);
        }
        else if (failure.Kind == SendFailureKind.Permanent || attempts >= Settings.MaxAttempts)
        {
            await ParkAsync(post, heartbeat, $"{failure.Reason} (attempt {attempts})", cancellationToken, attempts);
        }
        else
        {
            var delay = failure.RetryAfter ?? Backoff(attempts);
            LogRetryLater(logger, envelope.Key, failure.Reason, attempts, delay.TotalSeconds);
            await heartbeat.ReleaseAsync(cancellationToken);
            await outbox.DeferAsync(post, envelope with { Attempts = attempts }, delay, cancellationToken);
        }
    }

    /// <summary>
    /// Marks the post sent. Storage that went away while Teams took the post is waited for, as long as the message is
    /// still hidden from other workers: giving up would put it back in the queue and send it a second time.
    /// </summary>
    private async Task RecordSentAsync(OutboxEnvelope envelope, string activityId, CancellationToken stoppingToken)
    {
        var giveUpAt = time.GetUtcNow() + Settings.VisibilityTimeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ledger.MarkSentAsync(envelope.Scope, envelope.Key, activityId, time.GetUtcNow(), envelope.PersonId, CancellationToken.None);
                return;
            }
            catch (Exception failure) when (failure is RequestFailedException or AggregateException
                && !stoppingToken.IsCancellationRequested && time.GetUtcNow() < giveUpAt)
            {
                LogRecordSentLater(logger, envelope.Key, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), time, stoppingToken);
            }
        }
    }

    private async Task<Activity?> ReadActivityAsync(OutboxEnvelope envelope, ConversationReference reference, CancellationToken cancellationToken)
    {
        if (await outbox.ReadActivityAsync(envelope, cancellationToken) is not { } json)
        {
            return null;
        }

        try
        {
            var activity = JsonSerializer.Deserialize(json, ProtocolJson.Context.Activity);
            return activity is null ? null : AsBot(activity, reference);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A proactive message speaks as the bot into the stored conversation, whatever the producer left out.
    private static Activity AsBot(Activity activity, ConversationReference reference) => activity with
    {
        From = activity.From ?? new ChannelAccount { Id = reference.BotId },
        Conversation = activity.Conversation ?? new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId },
    };

    private async Task ParkAsync(ReceivedPost post, DeliveryHeartbeat? heartbeat, string reason, CancellationToken cancellationToken,
        int? attempts = null)
    {
        var envelope = post.Envelope;
        await parked.ParkAsync(new ParkedPost(envelope?.Tenant, envelope?.Conversation, envelope?.Key, reason,
            attempts ?? envelope?.Attempts ?? 0, post.MessageId, OutboxCodec.Describe(post.Text), time.GetUtcNow(), envelope?.PersonId),
            cancellationToken);
        if (heartbeat is not null && envelope is not null)
        {
            await heartbeat.ReleaseAsync(cancellationToken);
        }

        await outbox.CompleteAsync(post, keepBody: true, cancellationToken);
        LogParked(logger, post.MessageId, envelope?.Key, reason);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = Settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        // Jitter spreads posts that failed together (a channel outage) so they do not all come back at once.
        var jittered = exponential / 2 + Random.Shared.NextDouble() * exponential / 2;
        return TimeSpan.FromMilliseconds(Math.Min(jittered, Settings.MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>Exactly one of: the activity id it was sent as, why it failed, or how long to put it back unsent (rate limit, lapsed claim).</summary>
    private sealed record SendOutcome(string? ActivityId, SendFailure? Failure, TimeSpan? PutBackFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered post {Key} to {ConversationId} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string key, string conversationId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post {Key} went out but storage did not take the record (attempt {Attempt}); trying again")]
    private static partial void LogRecordSentLater(ILogger logger, string key, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Post {Key} was delivered before; dropping this copy")]
    private static partial void LogDuplicate(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Post {Key} failed ({Reason}), attempt {Attempt}; trying again in {DelaySeconds} s")]
    private static partial void LogRetryLater(ILogger logger, string key, string reason, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The claim on post {Key} lapsed before it could be sent; putting it back")]
    private static partial void LogClaimLapsed(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parked message {MessageId} (post {Key}): {Reason}")]
    private static partial void LogParked(ILogger logger, string messageId, string? key, string reason);
}
