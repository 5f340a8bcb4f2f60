using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// The agenda of the team or group chat the click comes from, whatever a card claims; and whether the clicker is its
/// project lead, who alone starts and ends the round, orders the plan and makes it final.
/// </summary>
public sealed class FinalRoundAccess(WorkshopFinder finder)
{
    public async Task<Agenda?> AgendaHereAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.IsPersonalChat ? null : (await finder.FindAgendaAsync(turn, cancellationToken))?.Value;

    /// <summary>The agenda a card names, which must be the one of this conversation; refused otherwise.</summary>
    public async Task<Agenda> RequireAsync(TurnContext turn, string claimedAgendaId, CancellationToken cancellationToken) =>
        await AgendaHereAsync(turn, cancellationToken) is { } agenda && agenda.Id == claimedAgendaId
            ? agenda
            : throw new DomainException(DomainErrorCode.NotFound, "agenda");

    /// <summary>The agenda a card names, when the clicker leads it; null when they do not (the caller says so).</summary>
    public async Task<Agenda?> LedAsync(TurnContext turn, string claimedAgendaId, CancellationToken cancellationToken)
    {
        var agenda = await RequireAsync(turn, claimedAgendaId, cancellationToken);
        return agenda.ProjectLead.Id == turn.User.Id ? agenda : null;
    }

    /// <summary>
    /// For a command: the agenda of this team or group chat when the person leads it; otherwise null, and they have
    /// been told where to go or who may.
    /// </summary>
    public async Task<Agenda?> LeadHereAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var agenda = await AgendaHereAsync(turn, cancellationToken);
        var refusal = turn.IsPersonalChat ? TextKey.FinalRoundNotInPersonalChat
            : agenda is null ? TextKey.FinalRoundNoAgenda
            : agenda.ProjectLead.Id != turn.User.Id ? TextKey.FinalRoundOnlyLead
            : null;
        if (refusal is not null)
        {
            await turn.ReplyAsync(turn.Texts[refusal], cancellationToken);
            return null;
        }

        return agenda;
    }

    /// <summary>The channel or group chat itself: ballots count only from where the round was started.</summary>
    public static string Conversation(TurnContext turn) => WorkshopFinder.BoundConversationOf(turn.Activity);

    /// <summary>An id from the click, so that a click Teams delivers twice starts one round.</summary>
    public static string IdFrom(TurnContext turn) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(turn.Activity.Id ?? Guid.NewGuid().ToString("N"))))[..20];
}
