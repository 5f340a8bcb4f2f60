using AgendaBot.Domain.Workshops;
using AgendaBot.Localization;
using AgendaBot.Routing;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Keeps the pinboard message(s) of a workshop in step with what is stored: posts it the first time, then updates the
/// same messages in place, and posts a further page when it grows.
/// </summary>
public sealed class PinboardPublisher(WorkshopRepository workshops)
{
    public async Task RefreshAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken)
    {
        var stored = await workshops.GetAsync(turn.Tenant, workshopId, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var workshop = stored.Value;
        var texts = SharedTexts.For(workshop);
        var pages = PinboardCard.Render(workshop, await workshops.GetContributionsAsync(turn.Tenant, workshopId, cancellationToken), texts);
        var conversationId = workshop.Pinboard.ConversationId ?? turn.ConversationId;
        var ids = workshop.Pinboard.ActivityIds.ToList();
        for (var page = 0; page < pages.Count; page++)
        {
            if (page < ids.Count)
            {
                await turn.UpdateCardAsync(conversationId, ids[page], pages[page], texts, cancellationToken);
            }
            else
            {
                var posted = await turn.PostCardAsync(conversationId, pages[page], texts, cancellationToken);
                ids.Add(posted.Id ?? string.Empty);
            }
        }

        if (ids.Count != workshop.Pinboard.ActivityIds.Count || workshop.Pinboard.ConversationId is null)
        {
            await RememberAsync(turn.Tenant, stored, new Pinboard(conversationId, ids), cancellationToken);
        }
    }

    // Other handlers change the header meanwhile (counters): re-read and retry, only the pinboard field is ours.
    private async Task RememberAsync(TenantScope tenant, Versioned<Workshop> stored, Pinboard pinboard, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            try
            {
                await workshops.UpdateAsync(tenant, stored with { Value = stored.Value with { Pinboard = pinboard } }, cancellationToken);
                return;
            }
            catch (Domain.Common.DomainException failure) when (failure.Code == Domain.Common.DomainErrorCode.Conflict)
            {
                stored = await workshops.GetAsync(tenant, stored.Value.Id, cancellationToken)
                    ?? throw new Domain.Common.DomainException(Domain.Common.DomainErrorCode.NotFound, "workshop");
            }
        }
    }
}
