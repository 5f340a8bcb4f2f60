using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// Keeps the pinboard message(s) of a workshop in step with what is stored: posts it the first time, then updates the
/// same messages in place, and posts a further page when it grows.
/// </summary>
// Seam: whatever changes contributions (steps, votes, the plan) refreshes the pinboard through it.
[Seam]
public sealed class PinboardPublisher(WorkshopRepository workshops, Poster poster, ILogger<PinboardPublisher> logger)
{
    /// <summary>
    /// A pinboard never posted goes into this turn's channel thread — but from a personal chat (a contribution or a
    /// moderation command written there) into the workshop's own channel: the pinboard is for everyone.
    /// </summary>
    public Task RefreshAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken) =>
        RefreshAsync(turn.Tenant, workshopId, turn.Activity.ServiceUrl!, turn.IsPersonalChat ? null : turn.ConversationId, cancellationToken);

    /// <param name="conversationId">Where to post the pinboard if it was never posted; null: the workshop's channel.</param>
    public async Task RefreshAsync(TenantScope tenant, string workshopId, string serviceUrl, string? conversationId, CancellationToken cancellationToken)
    {
        var stored = await workshops.GetAsync(tenant, workshopId, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var workshop = stored.Value;
        var texts = SharedTexts.For(workshop);
        var pages = PinboardCard.Render(workshop, await workshops.GetContributionsAsync(tenant, workshopId, cancellationToken), texts);
        var target = workshop.Pinboard.ConversationId ?? conversationId ?? workshop.ConversationId;
        var ids = workshop.Pinboard.ActivityIds.ToList();
        for (var page = 0; page < pages.Count; page++)
        {
            if (page < ids.Count)
            {
                await poster.Now.UpdateAsync(serviceUrl, target, ids[page], pages[page], texts, cancellationToken);
            }
            else
            {
                ids.Add((await poster.Now.PostAsync(serviceUrl, target, pages[page], texts, cancellationToken)).Id ?? string.Empty);
            }
        }

        if (ids.Count != workshop.Pinboard.ActivityIds.Count || workshop.Pinboard.ConversationId is null)
        {
            await RememberAsync(tenant, stored, new Pinboard(target, ids), cancellationToken);
        }
    }

    // Other handlers change the header meanwhile (counters): re-read and retry, only the pinboard field is ours.
    // Giving up leaves the pages posted but unremembered (the next refresh posts them anew); it is logged.
    private async Task RememberAsync(TenantScope tenant, Versioned<Workshop> stored, Pinboard pinboard, CancellationToken cancellationToken)
    {
        var current = stored;
        await ConflictRetry.TryAsync(logger, "pinboard ids", async ct =>
        {
            try
            {
                await workshops.UpdateAsync(tenant, current with { Value = current.Value with { Pinboard = pinboard } }, ct);
            }
            catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
            {
                current = await workshops.GetAsync(tenant, current.Value.Id, ct)
                    ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
                throw;
            }
        }, cancellationToken);
    }
}
