using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>"Stand melden" next to one of "my measures": the list gives way to that measure's status card.</summary>
public sealed class OpenMeasureUpdate(AgendaRepository agendas, MeasureRepository measures) : ICardActionHandler<MeasureRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, MeasureRef input, CancellationToken cancellationToken)
    {
        var access = await MeasureAccess.LoadAsync(agendas, measures, turn, input.AgendaId, input.MeasureId, cancellationToken);
        return access.MayReport
            ? new CardActionResult.ReplaceCard(MeasureUpdateCard.Render(access.Measure.Value, turn.Texts))
            : new CardActionResult.Message(turn.Texts[TextKey.MeasureUpdateNotOwner]);
    }
}
