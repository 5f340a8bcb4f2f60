using AgendaBot.Bot.Posting;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Plan;

/// <summary>The plan summary, which names each measure's owner, drawn again in every conversation it was posted to after an erasure.</summary>
public sealed class RedrawnPlanSummary(PlanSummaryPublisher summary) : IRedrawnCards
{
    public string Kind => "plan";

    public async Task<IReadOnlyList<PostedCardToRedraw>> FindAsync(TenantScope tenant, PersonalDataReach reach, string userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var found = new List<PostedCardToRedraw>();
        foreach (var agendaId in reach.AgendaIds)
        {
            found.AddRange((await summary.PostedAsync(tenant, agendaId, cancellationToken))
                .Select(p => new PostedCardToRedraw(p.ConversationId, p.ActivityId, agendaId, agendaId)));
        }

        return found;
    }

    public async Task<Activity?> RedrawAsync(TenantScope tenant, string reference, CancellationToken cancellationToken) =>
        await summary.DrawAsync(tenant, reference, cancellationToken) is var (card, texts) ? Poster.Message(card, texts) : null;
}
