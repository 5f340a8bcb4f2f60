using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Bot.Posting;

/// <summary>
/// Posts and updates cards in a conversation without an incoming activity to answer — e.g. when a voting round's
/// deadline passes. The service URL comes from what was stored when the card was first posted.
/// </summary>
public sealed class ChannelPoster(ConnectorClient connector)
{
    public Task<ResourceResponse> PostAsync(string serviceUrl, string conversationId, AdaptiveCard card, Texts texts, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, conversationId, Message(card, texts, conversationId), cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, AdaptiveCard card, Texts texts,
        CancellationToken cancellationToken) =>
        connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Message(card, texts, conversationId), cancellationToken);

    /// <summary>A message carrying one card, with a text for clients that cannot show cards.</summary>
    public static Activity Message(AdaptiveCard card, Texts texts, string? conversationId = null) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = conversationId is null ? null : new ConversationAccount { Id = conversationId },
        Attachments = [CardAttachments.ToAttachment(card with { FallbackText = card.FallbackText ?? texts[TextKey.CardFallbackText] })],
        Summary = card.FallbackText,
    };
}
