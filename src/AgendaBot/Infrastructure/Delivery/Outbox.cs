using System.Text.Json;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.Delivery;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// One proactive post: an activity for a conversation the bot was installed in, or a replacement of an earlier one.
/// A post to someone's personal chat names them (<paramref name="PersonId"/>), so that what delivery keeps about it
/// is in their export and goes with their erasure.
/// </summary>
public sealed record ProactivePost(string ConversationId, Activity Activity, string? UpdateActivityId = null, string? PersonId = null)
{
    /// <summary>For a redrawn card: the <see cref="IRedrawnCards.Kind"/> and reference that draw it at delivery.</summary>
    public (string Kind, string Reference)? Redraw { get; init; }

    /// <summary>An update of a posted card, drawn when it is delivered (<see cref="IRedrawnCards"/>).</summary>
    public static ProactivePost Redrawn(string kind, PostedCardToRedraw card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new ProactivePost(card.ConversationId, new Activity { Type = ActivityTypes.Message }, card.ActivityId)
        {
            Redraw = (kind, card.Reference),
        };
    }
}

/// <summary>
/// Where features put proactive posts (weekly status, results, pinboard updates). The post is stored in the outbox
/// queue and sent by a <see cref="DeliveryWorker"/> — on this or another instance — within Teams' rate limits, with
/// retries, once per idempotency key.
/// </summary>
public sealed class Outbox(OutboxQueue queue, OutboxSignal signal)
{
    /// <param name="idempotencyKey">Names the logical post, so enqueueing it twice delivers it once (at most 256 characters).</param>
    /// <param name="agendaId">The agenda the post belongs to, so that its project lead can be told if the conversation blocks the bot.</param>
    public async Task EnqueueAsync(TenantScope tenant, ProactivePost post, string idempotencyKey, string? agendaId = null,
        CancellationToken cancellationToken = default)
    {
        await queue.EnqueueAsync(ToOutbox(tenant, post, idempotencyKey, agendaId), cancellationToken);
        signal.Wake();
    }

    /// <summary>
    /// Enqueues a post hidden for <paramref name="hiddenFor"/>: its producer releases it once what it waits for is done
    /// (<see cref="ReleaseAsync"/>), and if the producer dies first the post is delivered when the hold runs out.
    /// </summary>
    public Task<HeldPost> EnqueueHeldAsync(TenantScope tenant, ProactivePost post, string idempotencyKey, TimeSpan hiddenFor, string? agendaId = null,
        CancellationToken cancellationToken = default) =>
        queue.EnqueueHeldAsync(ToOutbox(tenant, post, idempotencyKey, agendaId), hiddenFor, cancellationToken);

    public async Task ReleaseAsync(IEnumerable<HeldPost> held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(held);
        foreach (var post in held)
        {
            await queue.ReleaseAsync(post, cancellationToken);
        }

        signal.Wake();
    }

    private static OutboxPost ToOutbox(TenantScope tenant, ProactivePost post, string idempotencyKey, string? agendaId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(post);
        return new OutboxPost
        {
            Tenant = tenant,
            ConversationId = post.ConversationId,
            IdempotencyKey = idempotencyKey,
            ActivityJson = JsonSerializer.Serialize(post.Activity, ProtocolJson.Context.Activity),
            UpdateActivityId = post.UpdateActivityId,
            AgendaId = agendaId,
            PersonId = post.PersonId,
            RedrawKind = post.Redraw?.Kind,
            RedrawRef = post.Redraw?.Reference,
        };
    }
}

/// <summary>Wakes this instance's worker when a post was enqueued here, so it does not sleep out its poll interval.</summary>
public sealed class OutboxSignal : Scheduling.WakeSignal;
