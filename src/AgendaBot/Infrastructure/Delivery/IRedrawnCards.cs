using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// A feature's posted cards that show people by name (the pinboard, the registration card, the plan summary). After a
/// person's erasure they are drawn again in place through the outbox: the card is drawn when the post is delivered,
/// from what storage holds then, so that whatever the order of deliveries Teams ends with the latest state.
/// Features implement it and register it in their <c>AddX()</c>.
/// </summary>
public interface IRedrawnCards
{
    /// <summary>Names the redraw in outbox messages; stable, as messages outlive a deploy.</summary>
    string Kind { get; }

    /// <summary>The cards of this kind posted in these workshops and agendas whose activity ids are remembered.</summary>
    /// <param name="userId">The person about to be erased, for cards that only name them when they did something (opened the workshop).</param>
    Task<IReadOnlyList<PostedCardToRedraw>> FindAsync(TenantScope tenant, PersonalDataReach reach, string userId, CancellationToken cancellationToken);

    /// <summary>The card as storage has it now, as a message; null when there is nothing to draw any more.</summary>
    Task<Activity?> RedrawAsync(TenantScope tenant, string reference, CancellationToken cancellationToken);
}

/// <summary>One posted card: where it is, and what its redraw draws (<see cref="IRedrawnCards.RedrawAsync"/>).</summary>
public sealed record PostedCardToRedraw(string ConversationId, string ActivityId, string Reference, string? AgendaId);
