using AgendaBot.Bot.Posting;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// The workshop's cards that name people, drawn again after an erasure: the registration card (everyone registered,
/// by group), the latest "akteure" copies of it, and the "workshop is open, Moderation: …" card, which names its opener only — so it is redrawn only when
/// the opener is erased, and then shows no name, as nobody else's name was stored for it.
/// </summary>
public sealed class RedrawnWorkshopCards(WorkshopRepository workshops, DirectoryProfiles profiles) : IRedrawnCards
{
    private const string Registration = "registration";
    private const string Opened = "opened";
    private const string Stakeholders = "stakeholders";

    public string Kind => "workshop";

    public async Task<IReadOnlyList<PostedCardToRedraw>> FindAsync(TenantScope tenant, PersonalDataReach reach, string userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var found = new List<PostedCardToRedraw>();
        foreach (var workshopId in reach.WorkshopIds)
        {
            if (await workshops.GetAsync(tenant, workshopId, cancellationToken) is not { Value: var workshop })
            {
                continue;
            }

            if (workshop.RegistrationCard is { } registration)
            {
                found.Add(new(registration.ConversationId, registration.ActivityId, $"{Registration}|{workshop.Id}", workshop.AgendaId));
            }

            found.AddRange(workshop.StakeholderCards.Select(c => new PostedCardToRedraw(c.ConversationId, c.ActivityId, $"{Stakeholders}|{workshop.Id}", workshop.AgendaId)));
            if (workshop.OpenedCard is { } opened && workshop.OpenedBy == userId)
            {
                found.Add(new(opened.ConversationId, opened.ActivityId, $"{Opened}|{workshop.Id}", workshop.AgendaId));
            }
        }

        return found;
    }

    public async Task<Activity?> RedrawAsync(TenantScope tenant, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var (card, workshopId) = reference.Split('|', 2) is [var kind, var id] ? (kind, id) : (string.Empty, string.Empty);
        if (await workshops.GetAsync(tenant, workshopId, cancellationToken) is not { Value: var workshop })
        {
            return null;
        }

        var texts = SharedTexts.For(workshop);
        return card switch
        {
            Registration => Poster.Message(RegistrationCard.Render(workshop, await workshops.GetParticipantsAsync(tenant, workshop.Id, cancellationToken),
                texts, suggestion: profiles.ForEveryone), texts),
            Stakeholders => Poster.Message(RegistrationCard.Render(workshop, await workshops.GetParticipantsAsync(tenant, workshop.Id, cancellationToken),
                texts, withForm: false), texts),
            Opened => Poster.Message(OpenWorkshopCard.Opened(workshop, "–", texts), texts),
            _ => null,
        };
    }
}
