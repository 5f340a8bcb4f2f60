using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>The agenda's workshops that could take a citizen's idea now: running and collecting in steps 1 to 5.</summary>
public sealed class IdeaTargets(AgendaRepository agendas, WorkshopRepository workshops)
{
    public async Task<IReadOnlyList<IdeaTarget>> OfAsync(TenantScope tenant, string agendaId, CancellationToken cancellationToken)
    {
        var targets = new List<IdeaTarget>();
        foreach (var listing in await agendas.GetWorkshopsAsync(tenant, agendaId, cancellationToken))
        {
            if ((await workshops.GetAsync(tenant, listing.WorkshopId, cancellationToken))?.Value is { } workshop && Takes(workshop))
            {
                targets.Add(new IdeaTarget(workshop.Id, workshop.FieldOfAction, workshop.CurrentStep));
            }
        }

        return targets.OrderBy(t => t.FieldOfAction, StringComparer.CurrentCulture).ToList();
    }

    private static bool Takes(Workshop workshop) =>
        !workshop.IsEnded && !workshop.Completed && workshop.StepState == StepState.Collecting && workshop.CurrentStep < WorkshopStep.TimeAndMeasuresPlan;
}
