using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>"Anmelden" on the registration card: take a seat (or a place on the waiting list) for a stakeholder group.</summary>
public sealed class RegisterForWorkshop(
    WorkshopFinder finder, WorkshopRepository workshops, AgendaRepository agendas, DirectoryProfiles profiles, TimeProvider time)
    : ICardActionHandler<RegistrationData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, RegistrationData input, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        if (!Enum.TryParse<StakeholderGroup>(input.Group, ignoreCase: false, out var group) || !Enum.IsDefined(group))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "group");
        }

        await workshops.RegisterAsync(turn.Tenant, here.Value.Id, turn.User, group, Role.Participant, time.GetUtcNow(), cancellationToken);
        await agendas.RememberWorkshopOfAsync(turn.Tenant, turn.User.Id, here.Value.Id, cancellationToken);

        var stored = (await workshops.GetAsync(turn.Tenant, here.Value.Id, cancellationToken))!;
        // A workshop opened before its registration card was remembered learns it from the first click on it.
        if (stored.Value.RegistrationCard is null && !turn.IsPersonalChat)
        {
            stored = await RegistrationCardMemory.RememberAsync(workshops, turn, stored, turn.Activity.ReplyToId, cancellationToken);
        }

        var workshop = stored.Value;
        var participants = await workshops.GetParticipantsAsync(turn.Tenant, workshop.Id, cancellationToken);
        return new CardActionResult.ReplaceCard(RegistrationCard.Render(workshop, participants, SharedTexts.For(workshop), suggestion: profiles.ForEveryone));
    }
}
