using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Conversations;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// Makes sure the outbox can find its way to a conversation a card was posted in. Cards were posted in answer to a
/// turn, so their conversation (a channel thread) often has no stored reference: it gets its channel's, or else the
/// service URL of this turn, which Teams just sent and the token vouched for.
/// </summary>
public sealed class PostedCardsReach(ConversationReferenceRepository references, TimeProvider time)
{
    public async Task EnsureAsync(TurnContext turn, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await references.GetAsync(turn.Tenant, conversationId, cancellationToken) is not null)
        {
            return;
        }

        var channel = conversationId.Split(";messageid=", 2)[0];
        var known = await references.GetAsync(turn.Tenant, channel, cancellationToken);
        await references.SaveAsync(known is not null
            ? known with { ConversationId = conversationId, UpdatedAt = time.GetUtcNow() }
            : new ConversationReference(turn.Tenant.TenantId, conversationId, turn.Activity.ServiceUrl!, turn.Activity.Recipient?.Id ?? string.Empty,
                "channel", null, channel, null, time.GetUtcNow()), cancellationToken);
    }
}
