using AgendaBot.Domain.Agendas;
using AgendaBot.Storage;

namespace AgendaBot.Infrastructure.Ideas;

/// <summary>
/// The moderators' side of the public idea window: the web takes an idea, stores it and hands it here, and a feature
/// puts the moderation card on its way to the agenda's channel (or the project lead's chat). The web knows no feature,
/// so the feature implements this and registers it.
/// </summary>
public interface IIdeaModeration
{
    /// <summary>Queues the card that asks the moderators to take the idea in or decline it; throws when it cannot be queued.</summary>
    Task AnnounceAsync(TenantScope tenant, string agendaId, CitizenIdea idea, CancellationToken cancellationToken);
}
