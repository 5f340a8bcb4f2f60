using AgendaBot.Bot.Posting;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// One redraw of a workshop's pinboard: renders every page from what is stored (cheap, in memory) and sends only the
/// pages whose content differs from what their message showed when last sent — kept as a fingerprint per message.
/// A new contribution lands on the last page, so it costs one update (two when it opens a page); a change that moves
/// many pages is sent a few pages per redraw, within Teams' per-conversation limits.
/// </summary>
public sealed class PinboardDrawing(
    WorkshopRepository workshops, Poster poster, SendRateLimiter limiter, IOptions<ContributionOptions> options, ILogger<PinboardDrawing> logger)
{
    /// <param name="conversationId">Where to post the pinboard if it was never posted; null: the workshop's channel.</param>
    /// <returns>False when pages were left for the next redraw (this redraw's share or Teams' rate was used up).</returns>
    public async Task<bool> DrawAsync(TenantScope tenant, string workshopId, string serviceUrl, string? conversationId, CancellationToken cancellationToken)
    {
        var stored = await workshops.GetAsync(tenant, workshopId, cancellationToken);
        if (stored is null)
        {
            return true;
        }

        var workshop = stored.Value;
        var texts = SharedTexts.For(workshop);
        var ids = workshop.Pinboard.ActivityIds.ToList();
        var pages = PinboardCard.Render(workshop, await workshops.GetContributionsAsync(tenant, workshopId, cancellationToken), texts, ids.Count);
        var target = workshop.Pinboard.ConversationId ?? conversationId ?? workshop.ConversationId;
        var shown = await workshops.GetPinboardFingerprintsAsync(tenant, workshopId, cancellationToken);
        var fingerprints = new Dictionary<string, string>(shown.Value.ByActivityId, StringComparer.Ordinal);
        var sent = new List<string>();
        var complete = true;
        try
        {
            for (var page = 0; page < pages.Count; page++)
            {
                var fingerprint = PinboardCard.Fingerprint(pages[page]);
                if (page < ids.Count && fingerprints.GetValueOrDefault(ids[page]) == fingerprint)
                {
                    continue;
                }

                if (sent.Count >= options.Value.PinboardPagesPerRedraw || limiter.TryAcquire(tenant.TenantId, target) > TimeSpan.Zero)
                {
                    complete = false;
                    break;
                }

                if (page < ids.Count)
                {
                    await poster.Now.UpdateAsync(serviceUrl, target, ids[page], pages[page], texts, cancellationToken);
                }
                else
                {
                    ids.Add((await poster.Now.PostAsync(serviceUrl, target, pages[page], texts, cancellationToken)).Id ?? string.Empty);
                }

                fingerprints[ids[page]] = fingerprint;
                sent.Add(ids[page]);
            }
        }
        finally
        {
            // Also after a failed send: pages already posted must be remembered, or the next redraw posts them again.
            if (ids.Count != workshop.Pinboard.ActivityIds.Count || workshop.Pinboard.ConversationId is null)
            {
                await RememberAsync(tenant, stored, new Pinboard(target, ids), CancellationToken.None);
            }

            if (sent.Count > 0 && !await RememberShownAsync(tenant, workshopId, shown, fingerprints, ids, sent))
            {
                complete = false;
            }
        }

        return complete;
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

    /// <returns>False when another instance redrew meanwhile: the pages both sent are forgotten, to be sent again.</returns>
    private async Task<bool> RememberShownAsync(TenantScope tenant, string workshopId, Versioned<PinboardFingerprints> shown,
        Dictionary<string, string> fingerprints, List<string> ids, List<string> sent)
    {
        var current = shown;
        var raced = false;
        var pages = ids.Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        var kept = await ConflictRetry.TryAsync(logger, "pinboard fingerprints", async ct =>
        {
            try
            {
                var keep = fingerprints.Where(entry => pages.Contains(entry.Key)).ToDictionary(StringComparer.Ordinal);
                await workshops.SavePinboardFingerprintsAsync(tenant, workshopId, current with { Value = new PinboardFingerprints(keep) }, ct);
            }
            catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
            {
                // Which of the two instances' updates Teams kept last is unknown: the pages we sent count as unknown.
                raced = true;
                current = await workshops.GetPinboardFingerprintsAsync(tenant, workshopId, ct);
                fingerprints = current.Value.ByActivityId.Where(entry => !sent.Contains(entry.Key)).ToDictionary(StringComparer.Ordinal);
                throw;
            }
        }, CancellationToken.None);
        return kept && !raced;
    }
}
