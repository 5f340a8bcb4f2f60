using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Delivery;

namespace AgendaBot.Bot.Posting;

/// <summary>
/// The "durable" kind of <see cref="Poster"/>: puts a post into the outbox, from which a delivery worker — on this or
/// another instance, also after a restart — sends it within Teams' rate limits, with retries, once per idempotency key.
/// A singleton, so that singletons which only ever post durably (owner requests, the blocked-conversation notice) can
/// take it directly.
/// </summary>
public sealed class DurablePosts(Outbox outbox)
{
    /// <param name="idempotencyKey">Names the logical post, so enqueueing it twice delivers it once (at most 256 characters).</param>
    /// <param name="agendaId">The agenda the post belongs to, so that its project lead can be told if the conversation blocks the bot.</param>
    public Task EnqueueAsync(TenantScope tenant, ProactivePost post, string idempotencyKey, string? agendaId = null,
        CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(tenant, post, idempotencyKey, agendaId, cancellationToken);

    /// <summary>
    /// Puts posts into the outbox hidden for <paramref name="hiddenFor"/>, for a producer that must finish a change before
    /// they go out (cards redrawn after an erasure): it releases them when done, and if it dies first they go out when
    /// the hold ends.
    /// </summary>
    public Task<HeldPost> EnqueueHeldAsync(TenantScope tenant, ProactivePost post, string idempotencyKey, TimeSpan hiddenFor, string? agendaId = null,
        CancellationToken cancellationToken = default) =>
        outbox.EnqueueHeldAsync(tenant, post, idempotencyKey, hiddenFor, agendaId, cancellationToken);

    public Task ReleaseAsync(IEnumerable<HeldPost> held, CancellationToken cancellationToken = default) => outbox.ReleaseAsync(held, cancellationToken);
}
