using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Features.Consultations;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// Who decides about citizens' ideas: the people who speak for the agenda — its project lead and its workshops'
/// moderators — in the agenda's team, or in a personal chat (the card went to the lead's chat when the agenda has no
/// status channel). Null means: not here, or not them.
/// </summary>
public sealed class IdeaModerators(WorkshopFinder finder, AgendaRepository agendas, ConsultationRights rights)
{
    /// <param name="claimedAgendaId">The agenda a card names (checked); null for a command, which means the agenda of the place.</param>
    public async Task<Agenda?> AgendaAsync(TurnContext turn, string? claimedAgendaId, CancellationToken cancellationToken)
    {
        var agenda = turn.IsPersonalChat
            ? claimedAgendaId is not null
                ? (await agendas.GetAsync(turn.Tenant, claimedAgendaId, cancellationToken))?.Value
                : (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id)
            : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        return agenda is not null && (claimedAgendaId is null || agenda.Id == claimedAgendaId) && await rights.SpeaksForAsync(turn, agenda, cancellationToken)
            ? agenda
            : null;
    }
}
