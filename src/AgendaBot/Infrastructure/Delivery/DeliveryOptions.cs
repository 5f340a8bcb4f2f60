namespace AgendaBot.Infrastructure.Delivery;

/// <summary>How the delivery worker takes posts from the outbox and how fast it may send (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Whether this instance runs a delivery worker at all; posts are still enqueued when off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a taken message stays hidden from other workers. Renewed every half of it (or of a shorter
    /// <see cref="ClaimLifetime"/>) while a delivery is under way, so a living worker keeps its message; a dead one gives
    /// it back after at most this long.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First pause after finding the queue empty; doubles up to <see cref="MaxPollInterval"/> while it stays empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Posts in flight at once per instance (different conversations do not wait for each other).</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Failed sends (after the connector's own retries) before a post is parked.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Safety net against a message that keeps coming back without an attempt being counted (crashes, deferrals).</summary>
    public int MaxDequeueCount { get; set; } = 50;

    /// <summary>Wait before the next attempt when the channel named none; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The lease of a claim on an idempotency key: no other delivery of the post — not even the same queue message
    /// handed out again — may take it over before it ends. Renewed with the message's visibility while the delivery
    /// runs, so it ends only when its holder died or stalled this long: the post of a worker that died goes out again
    /// after at most this long. At least <see cref="VisibilityTimeout"/>, so that a message that reappears finds its claim still held.
    /// </summary>
    public TimeSpan ClaimLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait for a rate-limit slot in memory; longer waits put the message back in the queue instead.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(10);

    // Teams' limits per bot and conversation, and per tenant across the app.
    public int PerConversationPerSecond { get; set; } = 7;

    public int PerConversationPerTwoSeconds { get; set; } = 8;

    public int PerConversationPerThirtySeconds { get; set; } = 60;

    public int PerConversationPerHour { get; set; } = 1800;

    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>Added to every rate window: Teams counts arrivals on its clock, after network jitter.</summary>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(250);
}
