using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.KickOffs;

/// <summary>The agenda of the conversation a kick-off click comes from (whatever the card claims), and its board as stored now.</summary>
public sealed class KickOffBoard(WorkshopFinder finder, KickOffStore kickOffs)
{
    public async Task<Agenda> AgendaAsync(TurnContext turn, string claimedAgendaId, CancellationToken cancellationToken) =>
        (await finder.FindAgendaAsync(turn, cancellationToken))?.Value is { } agenda && agenda.Id == claimedAgendaId
            ? agenda
            : throw new DomainException(DomainErrorCode.NotFound, "agenda");

    public async Task<AdaptiveCard> DrawAsync(TurnContext turn, Agenda agenda, string? note, CancellationToken cancellationToken)
    {
        var kickOff = await kickOffs.GetAsync(turn.Tenant, agenda.Id, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "kick-off");
        return KickOffCards.Board(agenda, kickOff, await kickOffs.GetMembersAsync(turn.Tenant, agenda.Id, cancellationToken),
            (await kickOffs.GetIdeasAsync(turn.Tenant, agenda.Id, cancellationToken)).Select(i => i.Value).ToList(), turn.Texts, note);
    }
}
