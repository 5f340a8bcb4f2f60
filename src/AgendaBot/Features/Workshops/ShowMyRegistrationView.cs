using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// A person looks at the registration card (Teams' refresh asks for their own view): someone registered sees their
/// registration and "Gruppe ändern"; someone not yet registered the card with the group their directory profile
/// suggests preselected and said so.
/// </summary>
public sealed class ShowMyRegistrationView(WorkshopFinder finder, WorkshopRepository workshops, DirectoryProfiles profiles) : ICardActionHandler<WorkshopRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, WorkshopRef input, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        var participants = await workshops.GetParticipantsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        // Someone already registered needs no suggestion (and their profile is not read again on every view).
        var suggestion = here.Participant is not null
            ? profiles.ForEveryone
            : await profiles.SuggestGroupAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        return new CardActionResult.ReplaceCard(RegistrationCard.Render(here.Value, participants, turn.Texts, suggestion: suggestion, mine: here.Participant))
        {
            OnlyForClicker = true,
        };
    }
}
