using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.Export;

/// <summary>
/// Who may take the agenda out of Teams: the project lead, or a moderator in their workshop's channel. The export
/// and the publishing into the channel's files ask the same question, each time on the server.
/// </summary>
public sealed class ExportRights(WorkshopFinder finder, AgendaRepository agendas)
{
    /// <summary>
    /// The agenda of this channel's workshop (for its moderators and the project lead), of this team (for the project
    /// lead), or — in a personal chat — of the person's workshop or the one they lead; null when there is none.
    /// Anyone else is refused.
    /// </summary>
    public async Task<Agenda?> AgendaToExportAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await finder.FindHereAsync(turn, cancellationToken) is { } here)
        {
            here.Require(WorkshopAction.ExportAgenda);
            return here.Agenda;
        }

        var agenda = turn.IsPersonalChat
            ? (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id)
            : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;
        return agenda is null ? null
            : agenda.ProjectLead.Id == turn.User.Id ? agenda
            : throw new DomainException(DomainErrorCode.NotAllowed, nameof(WorkshopAction.ExportAgenda));
    }
}
