using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// The workshops a person takes part in (registered, not wait-listed, or moderating), wherever their channels are:
/// what a text in their personal chat may become a contribution to. A tenant has a handful of workshops, so reading
/// each is cheaper than an index that would have to be kept and erased with the person.
/// </summary>
public sealed class ChatWorkshops(AgendaRepository agendas, WorkshopRepository workshops, WorkshopFinder finder)
{
    /// <summary>The person's workshops, the one they last registered for first, then by field of action.</summary>
    public async Task<IReadOnlyList<WorkshopContext>> OfAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var last = await agendas.FindWorkshopOfAsync(turn.Tenant, turn.User.Id, cancellationToken);
        var mine = new List<WorkshopContext>();
        foreach (var agenda in await agendas.GetAllAsync(turn.Tenant, cancellationToken))
        {
            foreach (var listing in await agendas.GetWorkshopsAsync(turn.Tenant, agenda.Id, cancellationToken))
            {
                if (await ContextAsync(turn, listing.WorkshopId, cancellationToken) is { } here && TakesPart(turn, here))
                {
                    mine.Add(here);
                }
            }
        }

        return mine.OrderBy(w => w.Value.Id == last ? 0 : 1).ThenBy(w => w.Value.FieldOfAction, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The person's workshop a card names, read again now: null if it is gone or they no longer take part.</summary>
    public async Task<WorkshopContext?> OneAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken) =>
        await ContextAsync(turn, workshopId, cancellationToken) is { } here && TakesPart(turn, here) ? here : null;

    /// <summary>Contributions go to the step the workshop is in, while it is collecting.</summary>
    public static bool IsCollecting(Workshop workshop) => !workshop.IsEnded && !workshop.Completed && workshop.StepState == StepState.Collecting;

    private static bool TakesPart(TurnContext turn, WorkshopContext here) =>
        (here.Participant is { Waitlisted: false } || here.Value.IsModerator(turn.User.Id))
        && here.Role is { } role && Permissions.Allows(role, WorkshopAction.Contribute);

    private async Task<WorkshopContext?> ContextAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken)
    {
        var workshop = await workshops.GetAsync(turn.Tenant, workshopId, cancellationToken);
        return workshop is null
            ? null
            : await finder.ContextOfAsync(turn, workshop, await workshops.GetParticipantAsync(turn.Tenant, workshopId, turn.User.Id, cancellationToken),
                cancellationToken);
    }
}
