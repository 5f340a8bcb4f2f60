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
    PublicNames names, TimeProvider time)
{
    public async Task<Agenda?> LeadsAgendaAsync(TurnContext turn, string? agendaId, CancellationToken cancellationToken)
    {
        var agenda = agendaId is not null ? (await agendas.GetAsync(turn.Tenant, agendaId, cancellationToken))?.Value
            : turn.IsPersonalChat ? (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id)
            : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        return agenda is not null && agenda.ProjectLead.Id == turn.User.Id ? agenda : null;
    }

    /// <summary>
    /// The plan, how it stands against its dates and targets, and the consultations: the version as it would be stored
    /// (units and roles only, never a name), and as the pages would show it now (with the names of owners who agreed),
    /// which the preview shows.
    /// </summary>
    public async Task<(PublishedAgenda Version, PublishedAgenda Shown)> PreviewAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken)
    {
        var all = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        var version = PublishedAgenda.Of(agenda, all, time.GetUtcNow(), await evaluation.ReadAsync(turn.Tenant, agenda.Id, cancellationToken),
            await measures.GetConsultationsAsync(turn.Tenant, agenda.Id, cancellationToken));
        return (version, version.WithResponsible(all, await names.AllAsync(turn.Tenant, cancellationToken)));
    }
}
