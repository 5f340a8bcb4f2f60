using System.Text.Json;
using AgendaBot.Cards;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Localization;
using AgendaBot.Routing;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>"Stand melden" next to one of "my measures": the list gives way to that measure's status card.</summary>
public sealed class OpenMeasureUpdate(AgendaRepository agendas, MeasureRepository measures) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var input = CardPayload.Read(data, MeasureCardJson.Default.MeasureRef);
        var agenda = await agendas.GetAsync(turn.Tenant, input.AgendaId, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        var measure = await measures.GetAsync(turn.Tenant, input.AgendaId, input.MeasureId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "measure");
        return MeasureFollowUp.MayReport(measure.Value, turn.User, agenda.Value.ProjectLead)
            ? new CardActionResult.ReplaceCard(MeasureUpdateCard.Render(measure.Value, turn.Texts))
            : new CardActionResult.Message(turn.Texts[TextKey.MeasureUpdateNotOwner]);
    }
}
