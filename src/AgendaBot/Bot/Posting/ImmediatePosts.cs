using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Bot.Posting;

/// <summary>
/// The "now" kind of <see cref="Poster"/>: posts a card, or replaces one whose activity id is known, through the
/// connector right away, within the caller's request. Nothing is stored first, so a crash in between loses the post —
/// see <see cref="Poster"/> for when that is acceptable. The service URL comes from what was stored when the card or
/// the conversation was first seen.
/// </summary>
public sealed class ImmediatePosts(ConnectorClient connector)
{
    public Task<ResourceResponse> PostAsync(string serviceUrl, string conversationId, AdaptiveCard card, Texts texts, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(serviceUrl, conversationId, Poster.Message(card, texts, conversationId), cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, AdaptiveCard card, Texts texts,
        CancellationToken cancellationToken) =>
        connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, Poster.Message(card, texts, conversationId), cancellationToken);
}
