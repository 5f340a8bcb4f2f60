using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// Finds the agenda the project lead means (the team's in a channel; their own in a personal chat) and builds the
/// version the web would show now. Publishing is the lead's decision: anyone else gets null.
/// </summary>
public sealed class PublicationAccess(WorkshopFinder finder, AgendaRepository agendas, MeasureRepository measures, Measures.EvaluationReader evaluation,
    TimeProvider time)
{
    public async Task<Agenda?> LeadsAgendaAsync(TurnContext turn, string? agendaId, CancellationToken cancellationToken)
    {
        var agenda = agendaId is not null ? (await agendas.GetAsync(turn.Tenant, agendaId, cancellationToken))?.Value
            : turn.IsPersonalChat ? (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id)
            : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        return agenda is not null && agenda.ProjectLead.Id == turn.User.Id ? agenda : null;
    }

    /// <summary>The plan, how it stands against its dates and targets, and the consultations — what the web would show now.</summary>
    public async Task<PublishedAgenda> VersionNowAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken) =>
        PublishedAgenda.Of(agenda, await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken), time.GetUtcNow(),
            await evaluation.ReadAsync(turn.Tenant, agenda.Id, cancellationToken), await measures.GetConsultationsAsync(turn.Tenant, agenda.Id, cancellationToken));
}
