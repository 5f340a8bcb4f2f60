using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.KickOffs;

/// <summary>
/// When a workshop opens, the kick-off ideas of its field of action become contributions of its first step, under
/// their authors' names and marked as from the kick-off. Each idea is keyed by its id, so opening twice adds nothing.
/// </summary>
// Seam: opening a workshop takes in the kick-off ideas of its field.
[Seam]
public sealed class KickOffIdeasIntoWorkshop(KickOffStore kickOffs, WorkshopRepository workshops, TimeProvider time)
{
    /// <summary>Returns how many ideas went in.</summary>
    public async Task<int> TakeInAsync(TenantScope tenant, Workshop workshop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var taken = 0;
        foreach (var stored in await kickOffs.GetIdeasAsync(tenant, workshop.AgendaId, cancellationToken))
        {
            if (stored.Value.TakenIn || stored.Value.FieldOfAction != workshop.FieldOfAction)
            {
                continue;
            }

            var added = await workshops.AddContributionAsync(tenant, workshop.Id, $"kickoff-idea|{stored.Value.Id}",
                Contribution.FromKickOff(stored.Value.Author, stored.Value.Text, time.GetUtcNow()), cancellationToken);
            // Another moderator's change meanwhile is theirs to keep; the contribution is in, and the board shows it from the workshop.
            await kickOffs.UpdateIdeaAsync(tenant, workshop.AgendaId, stored with { Value = stored.Value.TakenInto(workshop.Id, added.Contribution.Number) },
                cancellationToken);
            taken++;
        }

        return taken;
    }
}
