using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>A measure named by a card, with its agenda, and whether the clicker may report its status.</summary>
public sealed record MeasureAccess(Agenda Agenda, Versioned<Measure> Measure, bool MayReport)
{
    /// <summary>Both ids come from the card: they are looked up in the clicker's own tenant, and a miss is NotFound.</summary>
    public static async Task<MeasureAccess> LoadAsync(AgendaRepository agendas, MeasureRepository measures, TurnContext turn, string agendaId,
        string measureId, CancellationToken cancellationToken)
    {
        var agenda = await agendas.GetAsync(turn.Tenant, agendaId, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        var measure = await measures.GetAsync(turn.Tenant, agendaId, measureId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "measure");
        return new MeasureAccess(agenda.Value, measure, MeasureFollowUp.MayReport(measure.Value, turn.User, agenda.Value.ProjectLead));
    }
}
