namespace AgendaBot.Storage.Delivery;

/// <summary>
/// A queue message taken for delivery. It stays invisible to other workers until the visibility timeout ends; every
/// renewal or deferral hands out a new pop receipt, which the message carries along.
/// </summary>
public sealed class ReceivedPost
{
    internal ReceivedPost(string messageId, string popReceipt, long dequeueCount, string text)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        DequeueCount = dequeueCount;
        Text = text;
        if (OutboxCodec.TryDecode(text, out var envelope, out var problem))
        {
            Envelope = envelope;
        }
        else
        {
            Problem = problem;
        }
    }

    public string MessageId { get; }

    public string PopReceipt { get; internal set; }

    /// <summary>How often the queue handed this message out, including this time.</summary>
    public long DequeueCount { get; }

    /// <summary>The raw message text, kept for the Parked table.</summary>
    public string Text { get; }

    /// <summary>Null when the message could not be read; <see cref="Problem"/> says why.</summary>
    public OutboxEnvelope? Envelope { get; }

    public string? Problem { get; }
}
