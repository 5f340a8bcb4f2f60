using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage.Conversations;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Conversations;

/// <summary>
/// The bot was installed (or people joined): remember where the conversation is, so that status posts and reminders
/// can be sent later without anybody asking — to a personal chat in the language the person's client speaks.
/// </summary>
// Seam: a vote started in a channel remembers it, to post the results there later.
[Seam]
public sealed class RememberConversation(
    ConversationReferenceRepository references, IOptions<BotLocalizationOptions> localization, TimeProvider time) : IConversationUpdateHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reference = ReferenceOf(turn, time.GetUtcNow());
        if (reference.UserId is not null)
        {
            reference = reference with { Language = BotCulture.LanguageOf(turn.Activity, localization.Value) };
        }

        return references.SaveAsync(reference, cancellationToken);
    }

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
