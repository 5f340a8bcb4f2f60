using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>Remembers where the registration card everyone sees was posted, so that an erasure can draw it again.</summary>
internal static class RegistrationCardMemory
{
    /// <summary>Best effort: a header changed meanwhile (a registration) leaves it for the next click on the card.</summary>
    public static async Task<Versioned<Workshop>> RememberAsync(WorkshopRepository workshops, TurnContext turn, Versioned<Workshop> stored,
        string? activityId, CancellationToken cancellationToken)
    {
        if (activityId is not { Length: > 0 } || stored.Value.RegistrationCard is not null)
        {
            return stored;
        }

        try
        {
            return await workshops.UpdateAsync(turn.Tenant, stored with
            {
                Value = stored.Value with { RegistrationCard = new PostedCard(turn.Activity.ServiceUrl!, turn.ConversationId, activityId) },
            }, cancellationToken);
        }
        catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
        {
            return stored;
        }
    }
}
