using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Plan;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>
/// "Stand speichern": the owner (or the project lead) reports status, progress and indicator values. Stored with one
/// history row per changed field (who, when); the plan summaries in the channels are updated in place.
/// </summary>
public sealed class UpdateMeasureStatus(AgendaRepository agendas, MeasureRepository measures, PlanSummaryPublisher summaries, TimeProvider time)
    : ICardActionHandler<MeasureUpdateData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, MeasureUpdateData input, CancellationToken cancellationToken)
    {
        var access = await MeasureAccess.LoadAsync(agendas, measures, turn, input.AgendaId, input.MeasureId, cancellationToken);
        var stored = access.Measure;
        var texts = turn.Texts;
        if (!access.MayReport)
        {
            return new CardActionResult.Message(texts[TextKey.MeasureUpdateNotOwner]);
        }

        if (!Enum.TryParse<MeasureStatus>(input.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status)
            || int.TryParse(input.Status, out _))
        {
            throw new DomainException(new InputProblem.UnknownStatus());
        }

        if (input.ReadProgress() is not { } progress || progress % 1 != 0 || progress is < 0 or > 100)
        {
            throw new DomainException(new InputProblem.ProgressOutOfRange());
        }

        var values = new List<double?>();
        for (var i = 0; i < stored.Value.Indicators.Count; i++)
        {
            var value = input.ReadIndicator(i);
            if (value is null && !input.IsIndicatorBlank(i))
            {
                throw new DomainException(new InputProblem.IndicatorValueNotANumber(stored.Value.Indicators[i].Name));
            }

            values.Add(value);
        }

        var after = MeasureFollowUp.Apply(stored.Value, new StatusReport(status, (int)progress, values) { ResponsibleUnit = input.ResponsibleUnit });
        // The same card delivered twice finds its values stored already: nothing is written a second time.
        if (!MeasureFollowUp.ChangesNothing(stored.Value, after))
        {
            var now = time.GetUtcNow();
            await measures.UpdateAsync(turn.Tenant, stored, after, turn.User, now, cancellationToken);
            await summaries.RefreshAsync(turn.Tenant, input.AgendaId, turn.Activity.ServiceUrl!, cancellationToken);
            after = after with { UpdatedAt = now };
        }

        // The card the owner clicked now shows what is stored, with its inputs set to it, and says it was saved.
        var saved = texts.Format(TextKey.MeasureUpdateSaved, after.Title, MeasureTexts.Status(after.Status, texts), after.Progress);
        return new CardActionResult.ReplaceCard(MeasureUpdateCard.Render(after, texts, saved: saved));
    }
}
