using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Delivery;

public enum ClaimOutcome
{
    /// <summary>This worker may send the post now.</summary>
    Claimed,

    /// <summary>The post was delivered before: drop the message.</summary>
    AlreadySent,

    /// <summary>Another delivery of this key (maybe of this very message) holds it right now; try again after <see cref="Claim.HeldUntil"/>.</summary>
    HeldByOther,
}

/// <summary>
/// The answer to a claim. When <see cref="ClaimOutcome.Claimed"/>, <see cref="ETag"/> is the claim row's as this holder
/// last wrote it (every renewal replaces it) and <see cref="HeldUntil"/> when the claim lapses unless renewed.
/// </summary>
public sealed record Claim(ClaimOutcome Outcome, ETag ETag = default, DateTimeOffset HeldUntil = default);

/// <summary>A conversation that refused the bot (403 MessageWritesBlocked) and since when.</summary>
public sealed record BlockedConversation(string ConversationId, string Reason, DateTimeOffset BlockedAt);

/// <summary>
/// Remembers per idempotency key whether a post is being delivered (a claim) or was delivered (the "sent" marker),
/// and which conversations blocked the bot. One row per key, so the same post goes out once however often it was queued.
/// </summary>
public sealed class DeliveryLedger(DeliveryStorage storage)
{
    private const string Sending = "Sending";
    private const string Sent = "Sent";

    /// <summary>What claims, "sent" markers and blocks hold about people (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // A post to someone's personal chat is about them; a draft's key names its recipient. Which queue message
        // carried it is bookkeeping.
        new(StoredTable.Outbox, Keys.PostPrefix, RowErasure.Delete, [PersonalColumn.Owner(), PersonalColumn.Mentions("Key")])
            { KeyNamesPerson = true, ExportLeavesOut = ["MessageId"], ForPerson = new(PersonalDataKind.MessageSent) { At = "SentAt" } },
        // That the person's personal chat blocked the bot.
        new(StoredTable.Outbox, Keys.BlockedPrefix, RowErasure.Delete, [new("ConversationId", Holds.OwnerChat)])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.ChatBlocked) { At = "BlockedAt" } },
    ];

    private readonly TableClient table = storage.Outbox;

    /// <summary>
    /// Claims a post for delivery: an insert, so of two workers holding copies of the same post only one wins. The claim
    /// is a lease until <see cref="Claim.HeldUntil"/>, which its holder extends with <see cref="RenewAsync"/> while it
    /// works. Nobody else takes it over before it expired — not even the same queue message handed out again, since
    /// its first taker may still be sending; an expired claim (its holder died or stalled) is taken over with its ETag.
    /// </summary>
    /// <param name="personId">Whom a post to a personal chat is addressed to (<see cref="OutboxPost.PersonId"/>).</param>
    public async Task<Claim> TryClaimAsync(TenantScope scope, string key, string messageId, DateTimeOffset now, TimeSpan lifetime,
        string? personId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var heldUntil = now + lifetime;
        var row = ClaimRow(scope, key, messageId, heldUntil, personId);
        try
        {
            var added = await table.AddEntityAsync(row, cancellationToken);
            return new Claim(ClaimOutcome.Claimed, added.Headers.ETag ?? default, heldUntil);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            // Someone holds or finished this key; read what they left.
        }

        var existing = await table.FindAsync(row.PartitionKey, row.RowKey, cancellationToken);
        if (existing is null)
        {
            // Released between our insert and read: the caller tries again later.
            return new Claim(ClaimOutcome.HeldByOther, HeldUntil: now);
        }

        if (existing.GetString("State") == Sent)
        {
            return new Claim(ClaimOutcome.AlreadySent);
        }

        var heldByOther = existing.GetDateTimeOffset("HeldUntil") ?? now;
        if (heldByOther > now)
        {
            return new Claim(ClaimOutcome.HeldByOther, HeldUntil: heldByOther);
        }

        try
        {
            var taken = await table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return new Claim(ClaimOutcome.Claimed, taken.Headers.ETag ?? default, heldUntil);
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            return new Claim(ClaimOutcome.HeldByOther, HeldUntil: now);
        }
    }

    /// <summary>
    /// Extends a claim this worker still holds to <paramref name="now"/> + <paramref name="lifetime"/>; null when it is
    /// no longer ours (taken over after it expired, released, or the post marked sent).
    /// </summary>
    public async Task<Claim?> RenewAsync(TenantScope scope, string key, Claim claim, DateTimeOffset now, TimeSpan lifetime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(claim);
        var heldUntil = now + lifetime;
        var row = new TableEntity(Keys.OutboxPartition(scope.TenantId), Keys.PostRow(key)) { ["HeldUntil"] = heldUntil };
        try
        {
            var renewed = await table.UpdateEntityAsync(row, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return claim with { ETag = renewed.Headers.ETag ?? default, HeldUntil = heldUntil };
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            return null;
        }
    }

    /// <summary>The "sent" marker: from now on every copy of this post is dropped unsent.</summary>
    public Task MarkSentAsync(TenantScope scope, string key, string? activityId, DateTimeOffset now, string? personId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = new TableEntity(Keys.OutboxPartition(scope.TenantId), Keys.PostRow(key))
        {
            ["State"] = Sent,
            ["Key"] = key,
            ["ActivityId"] = activityId,
            ["SentAt"] = now,
            ["PersonId"] = personId,
        };
        return table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Gives a claim up without delivering (deferred or parked), so that a later copy may try.</summary>
    public async Task ReleaseAsync(TenantScope scope, string key, ETag claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            await table.DeleteEntityAsync(Keys.OutboxPartition(scope.TenantId), Keys.PostRow(key), claim, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            // Taken over meanwhile (and maybe released by its new holder): the claim is not ours to release any more.
        }
    }

    /// <summary>Whether the post with this key was delivered, and as which activity.</summary>
    public async Task<(bool Sent, string? ActivityId)> GetSentAsync(TenantScope scope, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await table.FindAsync(Keys.OutboxPartition(scope.TenantId), Keys.PostRow(key), cancellationToken);
        return row?.GetString("State") == Sent ? (true, row.GetString("ActivityId")) : (false, null);
    }

    public async Task<BlockedConversation?> GetBlockAsync(TenantScope scope, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = await table.FindAsync(Keys.OutboxPartition(scope.TenantId), Keys.BlockedRow(conversationId), cancellationToken);
        return row is null
            ? null
            : new BlockedConversation(conversationId, row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("BlockedAt") ?? default);
    }

    public Task BlockAsync(TenantScope scope, BlockedConversation blocked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(blocked);
        var row = new TableEntity(Keys.OutboxPartition(scope.TenantId), Keys.BlockedRow(blocked.ConversationId))
        {
            ["ConversationId"] = blocked.ConversationId,
            ["Reason"] = blocked.Reason,
            ["BlockedAt"] = blocked.BlockedAt,
        };
        return table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The bot was installed again (or heard from) in the conversation: posts may go there again.</summary>
    public Task UnblockAsync(TenantScope scope, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return table.DeleteEntityAsync(Keys.OutboxPartition(scope.TenantId), Keys.BlockedRow(conversationId), cancellationToken: cancellationToken);
    }

    private static TableEntity ClaimRow(TenantScope scope, string key, string messageId, DateTimeOffset heldUntil, string? personId) =>
        new(Keys.OutboxPartition(scope.TenantId), Keys.PostRow(key))
        {
            ["State"] = Sending,
            ["Key"] = key,
            ["MessageId"] = messageId,
            ["HeldUntil"] = heldUntil,
            ["PersonId"] = personId,
        };
}
