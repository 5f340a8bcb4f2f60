using AgendaBot.Bot.Routing;
using AgendaBot.Features;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// Keeps the pinboard message(s) of a workshop in step with what is stored: posts it the first time, then updates the
/// same messages in place (only the pages that changed, <see cref="PinboardDrawing"/>), and posts a further page when
/// it grows. Redraws are coalesced per workshop (<see cref="ContributionOptions.PinboardInterval"/>): the first change
/// after a quiet interval is shown before its author is answered, changes within it by one trailing redraw at its end,
/// which reads everything stored by then — on any instance — so a burst ends with every contribution on the pinboard.
/// The coalescing is per instance: n instances may redraw a workshop up to n times per interval.
/// </summary>
// Seam: whatever changes contributions (steps, votes, the plan) refreshes the pinboard through it.
[Seam]
public sealed class PinboardPublisher(IServiceScopeFactory scopes, TimeProvider time, IOptions<ContributionOptions> options,
    ILogger<PinboardPublisher> logger) : IDisposable
{
    private readonly Coalescer coalescer = new(time, logger);

    /// <summary>No redraw is running or waiting on this instance: what Teams was sent is what is stored.</summary>
    public bool IsSettled => coalescer.IsIdle;

    /// <summary>
    /// A pinboard never posted goes into this turn's channel thread — but from a personal chat (a contribution or a
    /// moderation command written there) into the workshop's own channel: the pinboard is for everyone.
    /// </summary>
    public Task RefreshAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken) =>
        RefreshAsync(turn.Tenant, workshopId, turn.Activity.ServiceUrl!, turn.IsPersonalChat ? null : turn.ConversationId, cancellationToken);

    /// <param name="conversationId">Where to post the pinboard if it was never posted; null: the workshop's channel.</param>
    public Task RefreshAsync(TenantScope tenant, string workshopId, string serviceUrl, string? conversationId, CancellationToken cancellationToken) =>
        coalescer.RequestAsync($"pinboard\n{tenant.TenantId}\n{workshopId}", options.Value.PinboardInterval, async ct =>
        {
            // Its own scope: a trailing redraw runs after the request that asked for it has ended.
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PinboardDrawing>().DrawAsync(tenant, workshopId, serviceUrl, conversationId, ct);
        }, cancellationToken);

    public void Dispose() => coalescer.Dispose();
}
