using System.Globalization;
using AgendaBot.Bot.Posting;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>The pinboard's pages, which name each contribution's author, drawn again page by page after an erasure.</summary>
public sealed class RedrawnPinboard(WorkshopRepository workshops) : IRedrawnCards
{
    public string Kind => "pinboard";

    public async Task<IReadOnlyList<PostedCardToRedraw>> FindAsync(TenantScope tenant, PersonalDataReach reach, string userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var found = new List<PostedCardToRedraw>();
        foreach (var workshopId in reach.WorkshopIds)
        {
            if (await workshops.GetAsync(tenant, workshopId, cancellationToken) is { Value.Pinboard: { ConversationId: { } conversation } pinboard } stored)
            {
                found.AddRange(pinboard.ActivityIds.Select((activityId, page) => new PostedCardToRedraw(
                    conversation, activityId, $"{workshopId}|{page.ToString(CultureInfo.InvariantCulture)}", stored.Value.AgendaId)));
            }
        }

        return found;
    }

    public async Task<Activity?> RedrawAsync(TenantScope tenant, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Split('|') is not [var workshopId, var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || await workshops.GetAsync(tenant, workshopId, cancellationToken) is not { Value: var workshop })
        {
            return null;
        }

        var texts = SharedTexts.For(workshop);
        var pages = PinboardCard.Render(workshop, await workshops.GetContributionsAsync(tenant, workshopId, cancellationToken), texts);
        return Poster.Message(page < pages.Count ? pages[page] : PinboardCard.Blank(workshop, texts), texts);
    }
}
