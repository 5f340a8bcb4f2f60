using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Domain.Agendas;
using AgendaBot.Features.Conversations;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Ideas;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// Puts the moderation card of an idea the web took into the outbox: to the agenda's channel (where the weekly status
/// goes), in German like every post there; without a channel to the project lead's personal chat in their language.
/// With neither, the idea waits for "bürgerideen". Once per idea, however often it is announced.
/// </summary>
public sealed class AnnounceCitizenIdea(AgendaRepository agendas, ConversationReferenceRepository references, IdeaTargets targets, DurablePosts posts)
    : IIdeaModeration
{
    public async Task AnnounceAsync(TenantScope tenant, string agendaId, CitizenIdea idea, CancellationToken cancellationToken)
    {
        if ((await agendas.GetAsync(tenant, agendaId, cancellationToken))?.Value is not { } agenda)
        {
            return;
        }

        var (conversationId, texts, personId) = agenda.StatusConversationId is { } channel
            ? (channel, new Texts(BotCulture.German), (string?)null)
            : await references.FindPersonalChatAsync(tenant, agenda.ProjectLead.Id, cancellationToken) is { } chat
                ? (chat.ConversationId, PersonalTexts.For(chat), chat.UserId)
                : (null, null!, null);
        if (conversationId is null)
        {
            return;
        }

        var card = CitizenIdeaCards.Moderation(agenda.Id, idea, await targets.OfAsync(tenant, agenda.Id, cancellationToken), texts);
        await posts.EnqueueAsync(tenant, new ProactivePost(conversationId, Poster.Message(card, texts, conversationId), PersonId: personId),
            $"citizen-idea|{agenda.Id}|{idea.Id}", agenda.Id, cancellationToken);
    }
}
