using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Consultations;

/// <summary>
/// Who records the agenda's consultations: the project lead and the moderators of its workshops — the people who talk
/// to other towns on the agenda's behalf. Checked on the server at every step, whatever a card claims.
/// </summary>
// Seam: the same people speak for the agenda towards its citizens (they moderate the ideas from the idea window).
[Seam]
public sealed class ConsultationRights(WorkshopFinder finder, AgendaRepository agendas, WorkshopRepository workshops)
{
    /// <summary>
    /// The agenda of this team or group chat — or, in a personal chat, the one the person leads; null when there is none.
    /// Someone without the right is refused.
    /// </summary>
    public async Task<Agenda?> AgendaHereAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var agenda = await FindAsync(turn, null, cancellationToken);
        if (agenda is not null)
        {
            await RequireAsync(turn, agenda, cancellationToken);
        }

        return agenda;
    }

    /// <summary>The agenda a card names: the one of this conversation (in a personal chat: one the person may record for).</summary>
    public async Task<Agenda> RequireFromCardAsync(TurnContext turn, string claimedAgendaId, CancellationToken cancellationToken)
    {
        var agenda = await FindAsync(turn, claimedAgendaId, cancellationToken);
        if (agenda is null || agenda.Id != claimedAgendaId)
        {
            throw new DomainException(DomainErrorCode.NotFound, "agenda");
        }

        await RequireAsync(turn, agenda, cancellationToken);
        return agenda;
    }

    /// <summary>
    /// The agenda here (or the one a card names, checked) when the person speaks for it; null when there is none or
    /// they do not — for callers that answer in their own words instead of refusing.
    /// </summary>
    public async Task<Agenda?> SpokenForAsync(TurnContext turn, string? claimedAgendaId, CancellationToken cancellationToken) =>
        await FindAsync(turn, claimedAgendaId, cancellationToken) is { } agenda && (claimedAgendaId is null || agenda.Id == claimedAgendaId)
            && await SpeaksForAsync(turn, agenda, cancellationToken)
            ? agenda
            : null;

    // In a team or group chat the conversation's agenda; in a personal chat the one a card names, or else the one the person leads.
    private async Task<Agenda?> FindAsync(TurnContext turn, string? claimedAgendaId, CancellationToken cancellationToken) =>
        !turn.IsPersonalChat ? (await finder.FindAgendaAsync(turn, cancellationToken))?.Value
        : claimedAgendaId is not null ? (await agendas.GetAsync(turn.Tenant, claimedAgendaId, cancellationToken))?.Value
        : (await agendas.GetAllAsync(turn.Tenant, cancellationToken)).FirstOrDefault(a => a.ProjectLead.Id == turn.User.Id);

    private async Task RequireAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken)
    {
        if (!await SpeaksForAsync(turn, agenda, cancellationToken))
        {
            throw new DomainException(DomainErrorCode.NotAllowed, "consultation");
        }
    }

    /// <summary>Whether the person speaks for the agenda: its project lead or a moderator of one of its workshops.</summary>
    public async Task<bool> SpeaksForAsync(TurnContext turn, Agenda agenda, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        if (agenda.ProjectLead.Id == turn.User.Id)
        {
            return true;
        }

        foreach (var listing in await agendas.GetWorkshopsAsync(turn.Tenant, agenda.Id, cancellationToken))
        {
            if ((await workshops.GetAsync(turn.Tenant, listing.WorkshopId, cancellationToken))?.Value.IsModerator(turn.User.Id) == true)
            {
                return true;
            }
        }

        return false;
    }
}
