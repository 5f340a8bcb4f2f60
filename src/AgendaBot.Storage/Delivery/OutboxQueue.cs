using System.Text.Json;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AgendaBot.Storage.Delivery;

/// <summary>
/// The outbox: proactive posts in Queue Storage, each delivered by whichever worker takes it. A taken message is
/// invisible for a visibility timeout and deleted only after delivery, so a worker that dies mid-delivery loses nothing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the outbox in Azure Queue Storage.")]
public sealed class OutboxQueue(DeliveryStorage storage)
{
    // Table binary properties hold at most 64 KiB each; an entity at most 1 MiB.
    private const int ChunkBytes = 60_000;
    private const int MaxChunks = 15;

    /// <summary>The largest activity the outbox accepts; Teams refuses far smaller messages (413) anyway.</summary>
    public const int MaxActivityBytes = ChunkBytes * MaxChunks;

    // Messages never expire on their own: a post is either delivered or parked with a reason, never silently dropped.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly QueueClient queue = storage.Queue;
    /// <summary>What a body row holds about people (<see cref="PersonalDataRegistry"/>): the message, to its person.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Outbox, Keys.BodyPrefix, RowErasure.Delete, [PersonalColumn.Owner(), PersonalColumn.Mentions("Chunk", numbered: true)])
            { KeyNamesPerson = true, ExportLeavesOut = ["Chunks"], ForPerson = new(PersonalDataKind.MessageWaiting) },
    ];

    private readonly TableClient table = storage.Outbox;

    /// <summary>1 round-trip; 2 when the activity is too large for a queue message and goes to a table row first.</summary>
    public async Task EnqueueAsync(OutboxPost post, CancellationToken cancellationToken = default) =>
        await SendAsync(post, hiddenFor: null, cancellationToken);

    /// <summary>
    /// Enqueues a post that no worker sees for <paramref name="hiddenFor"/>, unless its producer releases it earlier
    /// (<see cref="ReleaseAsync"/>): a producer that must finish something first, and may die before, still gets its
    /// post delivered — late instead of never.
    /// </summary>
    public async Task<HeldPost> EnqueueHeldAsync(OutboxPost post, TimeSpan hiddenFor, CancellationToken cancellationToken = default)
    {
        var receipt = await SendAsync(post, hiddenFor, cancellationToken);
        return new HeldPost(receipt.MessageId, receipt.PopReceipt);
    }

    /// <summary>Makes a held post visible now. One already taken or gone (its hold ran out) is left to whoever has it.</summary>
    public async Task ReleaseAsync(HeldPost held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        try
        {
            await queue.UpdateMessageAsync(held.MessageId, held.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException failure) when (IsAnothers(failure))
        {
            // Its hold ran out and a worker took it (or delivered it already): nothing to release.
        }
    }

    private async Task<Azure.Storage.Queues.Models.SendReceipt> SendAsync(OutboxPost post, TimeSpan? hiddenFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentException.ThrowIfNullOrWhiteSpace(post.ConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(post.IdempotencyKey);
        if (post.IdempotencyKey.Length > OutboxPost.MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key has at most {OutboxPost.MaxKeyLength} characters.", nameof(post));
        }

        using var activity = JsonDocument.Parse(post.ActivityJson);
        if (activity.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The activity must be a JSON object.", nameof(post));
        }

        var envelope = new OutboxEnvelope
        {
            Tenant = post.Tenant.TenantId,
            Conversation = post.ConversationId,
            Key = post.IdempotencyKey,
            UpdateActivityId = post.UpdateActivityId,
            AgendaId = post.AgendaId,
            PersonId = post.PersonId,
            RedrawKind = post.RedrawKind,
            RedrawRef = post.RedrawRef,
            Activity = activity.RootElement.Clone(),
        };
        if (OutboxCodec.ToJson(envelope).Length > OutboxCodec.InlineLimitBytes)
        {
            envelope = envelope with { Activity = null, BodyId = await StoreBodyAsync(envelope, post.ActivityJson, cancellationToken) };
        }

        return (await queue.SendMessageAsync(OutboxCodec.Encode(envelope), visibilityTimeout: hiddenFor, timeToLive: NeverExpires, cancellationToken)).Value;
    }

    /// <summary>Takes up to <paramref name="max"/> messages (at most 32) and hides them for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<ReceivedPost>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        var messages = await queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, cancellationToken);
        return messages.Value.Select(m => new ReceivedPost(m.MessageId, m.PopReceipt, m.DequeueCount, m.Body.ToString())).ToList();
    }

    /// <summary>Messages in the queue, visible or taken; approximate, as Queue Storage reports it. One round-trip.</summary>
    public async Task<int> ApproximateCountAsync(CancellationToken cancellationToken = default) =>
        (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    /// <summary>The activity JSON of a message, from the message itself or from its body row.</summary>
    public async Task<string?> ReadActivityAsync(OutboxEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Activity is { } inline)
        {
            return inline.GetRawText();
        }

        var row = await table.FindAsync(Keys.OutboxPartition(envelope.Tenant), Keys.BodyRow(envelope.Key, envelope.BodyId!), cancellationToken);
        if (row is null)
        {
            return null;
        }

        var chunks = row.GetInt32("Chunks") ?? 0;
        using var body = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            body.Write(row.GetBinary($"Chunk{i}"));
        }

        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    /// <summary>Keeps the message hidden for another <paramref name="visibility"/> while a slow delivery is still under way.</summary>
    public async Task RenewAsync(ReceivedPost post, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var receipt = await queue.UpdateMessageAsync(post.MessageId, post.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
        post.PopReceipt = receipt.Value.PopReceipt;
    }

    /// <summary>Puts the message back with new content (e.g. one more attempt), visible again after <paramref name="delay"/>.</summary>
    public async Task DeferAsync(ReceivedPost post, OutboxEnvelope envelope, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        // The queue allows at most 7 days of invisibility.
        var visibility = TimeSpan.FromTicks(Math.Clamp(delay.Ticks, 0, TimeSpan.FromDays(7).Ticks - TimeSpan.TicksPerSecond));
        try
        {
            var receipt = await queue.UpdateMessageAsync(post.MessageId, post.PopReceipt, OutboxCodec.Encode(envelope), visibility, cancellationToken);
            post.PopReceipt = receipt.Value.PopReceipt;
        }
        catch (RequestFailedException failure) when (IsAnothers(failure))
        {
            // Handed out again after our visibility ran out: that copy's taker decides when it comes back.
        }
    }

    /// <summary>Removes a finished message (delivered, duplicate or parked) and, unless kept for the parked record, its body row.</summary>
    public async Task CompleteAsync(ReceivedPost post, bool keepBody = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        try
        {
            await queue.DeleteMessageAsync(post.MessageId, post.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException failure) when (IsAnothers(failure))
        {
            // Handed out again after our visibility ran out: that copy's taker finishes it (a post that went out it drops
            // on the "sent" marker).
        }

        if (!keepBody && post.Envelope is { BodyId: { } bodyId } envelope)
        {
            await table.DeleteEntityAsync(Keys.OutboxPartition(envelope.Tenant), Keys.BodyRow(envelope.Key, bodyId), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Our pop receipt is stale: the message was handed out again (or deleted by whoever took it then).</summary>
    public static bool IsAnothers(RequestFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Status == Failures.NotFound || failure.ErrorCode == "PopReceiptMismatch";
    }

    private async Task<string> StoreBodyAsync(OutboxEnvelope envelope, string activityJson, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(activityJson);
        if (bytes.Length > MaxActivityBytes)
        {
            throw new ArgumentException($"The activity is larger than {MaxActivityBytes} bytes.", nameof(activityJson));
        }

        var bodyId = Guid.NewGuid().ToString("N");
        var row = new TableEntity(Keys.OutboxPartition(envelope.Tenant), Keys.BodyRow(envelope.Key, bodyId));
        var chunks = 0;
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes, chunks++)
        {
            row[$"Chunk{chunks}"] = bytes.AsSpan(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }

        row["Chunks"] = chunks;
        row["PersonId"] = envelope.PersonId;
        await table.AddEntityAsync(row, cancellationToken);
        return bodyId;
    }
}
