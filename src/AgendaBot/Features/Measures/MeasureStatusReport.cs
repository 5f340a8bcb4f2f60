using AgendaBot.Delivery;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Localization;
using AgendaBot.Routing;
using AgendaBot.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>
/// The weekly measure-status post: to the project lead's personal chat and to the agenda's status channel. Reads the
/// agenda's measures in one query and the week's history in one more, whatever the number of measures.
/// </summary>
public sealed class MeasureStatusReport(MeasureRepository measures, ConversationReferenceRepository references, TimeProvider time) : IWeeklyReport
{
    public async Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken)
    {
        var all = await measures.GetAllAsync(tenant, agenda.Id, cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var history = await measures.GetHistorySinceAsync(tenant, agenda.Id, now - WeeklyStatus.Week, cancellationToken);
        var texts = new Texts(BotCulture.German);
        var card = WeeklyStatusCard.Render(agenda.Title, all, WeeklyStatus.Compose(all, history, now), texts, agenda.Id);
        var posts = new List<ProactivePost>();
        if (await references.FindPersonalChatAsync(tenant, agenda.ProjectLead.Id, cancellationToken) is { } leadChat)
        {
            posts.Add(new ProactivePost(leadChat.ConversationId, ChannelPoster.Message(card, texts, leadChat.ConversationId), PersonId: leadChat.UserId));
        }

        if (agenda.StatusConversationId is { } channel && posts.All(p => p.ConversationId != channel))
        {
            posts.Add(new ProactivePost(channel, ChannelPoster.Message(card, texts, channel)));
        }

        return posts;
    }
}
