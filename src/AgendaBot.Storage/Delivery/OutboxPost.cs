namespace AgendaBot.Storage.Delivery;

/// <summary>One proactive post as its producer hands it to the outbox.</summary>
public sealed record OutboxPost
{
    /// <summary>The longest idempotency key: it becomes part of a row key (at most 1 KiB, escaped).</summary>
    public const int MaxKeyLength = 256;

    public required TenantScope Tenant { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>
    /// Names the logical post, e.g. <c>weekly|{agenda}|2026-W10|{conversation}</c>: the same key enqueued twice is
    /// delivered once. Producers build it from what the post is about, never from a random value.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The activity as the connector expects it (Bot Framework JSON).</summary>
    public required string ActivityJson { get; init; }

    /// <summary>When set, the post replaces this earlier activity (a living pinboard) instead of adding a new one.</summary>
    public string? UpdateActivityId { get; init; }

    /// <summary>The agenda the post belongs to, so that its project lead can be told when the conversation blocks the bot.</summary>
    public string? AgendaId { get; init; }

    /// <summary>
    /// The person a post to their personal chat is addressed to. Every row delivery keeps about the post (its claim,
    /// "sent" marker, body, parked record) carries it as <c>PersonId</c>, so that export and erasure find them.
    /// </summary>
    public string? PersonId { get; init; }

    /// <summary>
    /// A post whose card is drawn at delivery from what storage holds then, not when it was enqueued: updates that must
    /// show the latest state whatever their order (cards redrawn after an erasure). Names a redraw the host registered.
    /// </summary>
    public string? RedrawKind { get; init; }

    /// <summary>What the redraw draws; it names no person.</summary>
    public string? RedrawRef { get; init; }
}

/// <summary>A post enqueued hidden, to be released (made visible at once) by its producer; see <see cref="OutboxQueue.EnqueueHeldAsync"/>.</summary>
public sealed record HeldPost(string MessageId, string PopReceipt);
