using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "Anmelden" on the registration card: take a seat (or a place on the waiting list) for a stakeholder group; clicked
/// again with another group, "Gruppe ändern" moves the person there. The clicker sees their own registration; the
/// message everyone sees is updated with the new list (<see cref="RegistrationCardUpdates"/>).
/// </summary>
public sealed class RegisterForWorkshop(
    WorkshopFinder finder, WorkshopRepository workshops, AgendaRepository agendas, DirectoryProfiles profiles, RegistrationCardUpdates everyone,
    TimeProvider time) : ICardActionHandler<RegistrationData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, RegistrationData input, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        if (!Enum.TryParse<StakeholderGroup>(input.Group, ignoreCase: false, out var group) || !Enum.IsDefined(group))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "group");
        }

        var teamsId = turn.Activity.From?.Id is { Length: > 0 } id ? id : null;
        var outcome = await workshops.RegisterAsync(turn.Tenant, here.Value.Id, turn.User, group, Role.Participant, time.GetUtcNow(), teamsId, cancellationToken);
        var mine = outcome.Participant;
        var changed = false;
        if (outcome.Result == RegistrationResult.AlreadyRegistered)
        {
            changed = mine.Group != group;
            mine = await workshops.ChangeRegistrationAsync(turn.Tenant, here.Value.Id, mine, group, teamsId, cancellationToken);
        }

        await agendas.RememberWorkshopOfAsync(turn.Tenant, turn.User.Id, here.Value.Id, cancellationToken);

        var stored = (await workshops.GetAsync(turn.Tenant, here.Value.Id, cancellationToken))!;
        // A workshop opened before its registration card was remembered learns it from the first click on it.
        if (stored.Value.RegistrationCard is null && !turn.IsPersonalChat)
        {
            stored = await RegistrationCardMemory.RememberAsync(workshops, turn, stored, turn.Activity.ReplyToId, cancellationToken);
        }

        await everyone.RefreshAsync(turn.Tenant, stored.Value.Id, cancellationToken);
        var participants = await workshops.GetParticipantsAsync(turn.Tenant, stored.Value.Id, cancellationToken);
        return new CardActionResult.ReplaceCard(RegistrationCard.Render(stored.Value, participants, turn.Texts, suggestion: profiles.ForEveryone,
            mine: mine, changed: changed))
        {
            OnlyForClicker = true,
        };
    }
}
