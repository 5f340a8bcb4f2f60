using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Bot.Posting;

/// <summary>
/// The one way features post proactively (anything that is not the answer to the current turn, which goes through
/// <c>TurnContext</c>). Each call site names its kind, because the two fail differently:
/// <list type="bullet">
/// <item><see cref="Now"/> — through the connector in this request. For cards that must change while someone watches,
/// in answer to their click or command (the pinboard, the shared ballot card, the plan summary, a round closed by a
/// moderator, vote details sent to the clicker's chat); the activity id a first post returns is stored at once, so the
/// card can later be updated in place. A failure reaches the caller, and a post lost to a crash is acceptable because
/// the next change redraws the whole card (or the person clicks again).</item>
/// <item><see cref="Durable"/> — through the outbox. For posts nobody is waiting for (weekly status, a round's results
/// after its deadline, draft and comment notices, owner requests, a blocked-conversation notice) that must arrive
/// once, even across restarts and instances: stored in a queue (a deadline's results before the round's final write),
/// delivered within Teams' rate limits, retried and parked by the delivery worker, deduplicated by an idempotency key.
/// It does not hand back the id of what it posted, so a card that is updated in place later is first posted now.</item>
/// </list>
/// Changing a call site's kind changes what Teams sees and when, so it is a behaviour change, not a refactoring.
/// </summary>
public sealed class Poster(ImmediatePosts now, DurablePosts durable)
{
    public ImmediatePosts Now { get; } = now;

    public DurablePosts Durable { get; } = durable;

    /// <summary>A message carrying one card, with a text for clients that cannot show cards.</summary>
    public static Activity Message(AdaptiveCard card, Texts texts, string? conversationId = null) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = conversationId is null ? null : new ConversationAccount { Id = conversationId },
        Attachments = [CardAttachments.ToAttachment(card with { FallbackText = card.FallbackText ?? texts[TextKey.CardFallbackText] })],
        Summary = card.FallbackText,
    };
}
