using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Conversations;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>
/// The weekly measure-status post: to the project lead's personal chat (in their language) and to the agenda's status
/// channel (in German). Reads the agenda's measures in one query, the week's history in one more and the consultations in
/// a third, whatever the number of measures.
/// </summary>
public sealed class MeasureStatusReport(MeasureRepository measures, ConversationReferenceRepository references, KickOffStore kickOffs, TimeProvider time)
    : IWeeklyReport
{
    public async Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken)
    {
        var all = await measures.GetAllAsync(tenant, agenda.Id, cancellationToken);
        var now = time.GetUtcNow();
        // The workshops planned at the kick-off are listed until their day has passed: before the first measure too.
        var upcoming = (await kickOffs.GetAsync(tenant, agenda.Id, cancellationToken))?.Upcoming(EvaluationReader.Today(now)) ?? [];
        if (all.Count == 0 && upcoming.Count == 0)
        {
            return [];
        }

        var history = await measures.GetHistorySinceAsync(tenant, agenda.Id, now - WeeklyStatus.Week, cancellationToken);
        var status = WeeklyStatus.Compose(all, history, now);
        var consultations = await measures.GetConsultationsAsync(tenant, agenda.Id, cancellationToken);
        var weekAgo = DateOnly.FromDateTime((now - WeeklyStatus.Week).UtcDateTime);
        var consulted = new ConsultationCount(consultations.Count, consultations.Count(c => c.Date > weekAgo));
        // The standings need no history: status, dates and milestones say who is behind today.
        var evaluation = AgendaEvaluation.Evaluate(all, [], consultations.Count, EvaluationReader.Today(now));
        // The lead's chat in the lead's language; the status channel is everybody's and has no language of its own.
        var targets = new List<(string ConversationId, Texts Texts, string? PersonId)>();
        if (await references.FindPersonalChatAsync(tenant, agenda.ProjectLead.Id, cancellationToken) is { } leadChat)
        {
            targets.Add((leadChat.ConversationId, PersonalTexts.For(leadChat), leadChat.UserId));
        }

        if (agenda.StatusConversationId is { } channel && targets.All(t => t.ConversationId != channel))
        {
            targets.Add((channel, new Texts(BotCulture.German), null));
        }

        return targets.Select(t => new ProactivePost(t.ConversationId,
            Poster.Message(WeeklyStatusCard.Render(agenda.Title, all, status, t.Texts, agenda.Id, consulted, evaluation,
                upcoming), t.Texts, t.ConversationId),
            PersonId: t.PersonId)).ToList();
    }
}
