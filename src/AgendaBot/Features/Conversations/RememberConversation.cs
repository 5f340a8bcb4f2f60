using AgendaBot.Domain.People;
using AgendaBot.Protocol.Activities;
using AgendaBot.Routing;
using AgendaBot.Storage.Conversations;

namespace AgendaBot.Features.Conversations;

/// <summary>
/// The bot was installed (or people joined): remember where the conversation is, so that status posts and reminders
/// can be sent later without anybody asking.
/// </summary>
public sealed class RememberConversation(ConversationReferenceRepository references, TimeProvider time) : IConversationUpdateHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
        references.SaveAsync(ReferenceOf(turn, time.GetUtcNow()), cancellationToken);

    /// <summary>Where this turn's conversation is, to post there later through the outbox.</summary>
    public static ConversationReference ReferenceOf(TurnContext turn, DateTimeOffset now)
    {
        var activity = turn.Activity;
        var type = activity.Conversation?.ConversationType ?? ConversationTypes.Personal;
        return new ConversationReference(
            turn.Tenant.TenantId,
            activity.Conversation!.Id!,
            activity.ServiceUrl!,
            activity.Recipient?.Id ?? string.Empty,
            type,
            activity.ChannelData?.Team?.Id,
            activity.ChannelData?.Channel?.Id,
            type == ConversationTypes.Personal ? turn.User.Id : null,
            now);
    }
}
