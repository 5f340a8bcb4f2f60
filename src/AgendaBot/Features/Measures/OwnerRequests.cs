using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Conversations;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;

namespace AgendaBot.Features.Measures;

/// <summary>Sends a measure's status card to its owner's personal chat, through the outbox (durable, once per key).</summary>
public sealed class OwnerRequests(ConversationReferenceRepository references, DurablePosts durable)
{
    /// <param name="intro">Why the card comes, in the language the owner last wrote to the bot in (German if unknown).</param>
    /// <param name="key">Names this request, so that enqueueing it twice delivers it once.</param>
    /// <returns>False when the owner has no personal chat with the bot (it was never installed for them).</returns>
    public async Task<bool> SendAsync(TenantScope tenant, Measure measure, Func<Texts, string> intro, string key, CancellationToken cancellationToken)
    {
        if (measure.Owner is not { } owner || await references.FindPersonalChatAsync(tenant, owner.Id, cancellationToken) is not { } chat)
        {
            return false;
        }

        var texts = PersonalTexts.For(chat);
        var card = MeasureUpdateCard.Render(measure, texts, intro(texts));
        await durable.EnqueueAsync(tenant, new ProactivePost(chat.ConversationId, Poster.Message(card, texts, chat.ConversationId), PersonId: owner.Id),
            key, measure.AgendaId, cancellationToken);
        return true;
    }
}
