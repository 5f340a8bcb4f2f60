using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Keeps the registration message everyone sees in step with who is registered. Teams replaces a card only for the
/// person who clicked, so without this the others would keep "1 von 15". Fifteen people registering at once must not
/// cost fifteen updates of one message in a second (Teams allows 7 sends per second and conversation): updates are
/// coalesced per workshop, and the trailing one reads what is stored by then.
/// </summary>
public sealed class RegistrationCardUpdates(IServiceScopeFactory scopes, TimeProvider time, ILogger<RegistrationCardUpdates> logger) : IDisposable
{
    /// <summary>At most one update of a registration message per second and instance.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Coalescer coalescer = new(time, logger);

    /// <summary>No update is running or waiting on this instance.</summary>
    public bool IsSettled => coalescer.IsIdle;

    public Task RefreshAsync(TenantScope tenant, string workshopId, CancellationToken cancellationToken) =>
        coalescer.RequestAsync($"registration\n{tenant.TenantId}\n{workshopId}", Interval, async ct =>
        {
            // Its own scope: a trailing update runs after the request that asked for it has ended.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var workshops = services.GetRequiredService<WorkshopRepository>();
            if (await workshops.GetAsync(tenant, workshopId, ct) is not { Value: { RegistrationCard: { } posted } workshop })
            {
                return true;
            }

            if (services.GetRequiredService<SendRateLimiter>().TryAcquire(tenant.TenantId, posted.ConversationId) > TimeSpan.Zero)
            {
                return false;
            }

            var texts = SharedTexts.For(workshop);
            var card = RegistrationCard.Render(workshop, await workshops.GetParticipantsAsync(tenant, workshopId, ct), texts,
                suggestion: services.GetRequiredService<DirectoryProfiles>().ForEveryone);
            await services.GetRequiredService<Bot.Posting.Poster>().Now.UpdateAsync(posted.ServiceUrl, posted.ConversationId, posted.ActivityId, card, texts, ct);
            return true;
        }, cancellationToken);

    public void Dispose() => coalescer.Dispose();
}
