using AgendaBot.Domain.Common;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Measures;

/// <summary>The owner's status card: status, progress and the current value of each indicator, filled in with what is stored.</summary>
public static class MeasureUpdateCard
{
    /// <param name="intro">Why the card came (a reminder, the project lead asked); null when the owner opened it.</param>
    /// <param name="saved">What was just saved, said above the card that now shows it (the answer to "Stand speichern").</param>
    public static AdaptiveCard Render(Measure measure, Texts texts, string? intro = null, string? saved = null)
    {
        var title = texts.Format(TextKey.MeasureUpdateTitle, measure.Title);
        var body = new List<CardElement>();
        if (intro is not null)
        {
            body.Add(new RichTextBlock([new TextRun(intro)]));
        }

        if (saved is not null)
        {
            // A text run: the measure's title in it is what people typed.
            body.Add(new RichTextBlock([new TextRun(saved) { Weight = TextWeight.Bolder, Color = TextColor.Good }]));
        }

        body.Add(new RichTextBlock([new TextRun(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder }]));
        body.Add(new TextBlock(texts.Format(TextKey.MeasureUpdateFacts, MeasureTexts.Date(measure.Start, texts), MeasureTexts.Date(measure.End, texts),
            MeasureTexts.Status(measure.Status, texts), measure.Progress, MeasureTexts.Date(measure.UpdatedAt, texts))) { IsSubtle = true, Spacing = ElementSpacing.None });
        body.Add(new ChoiceSetInput(Enum.GetValues<MeasureStatus>().Select(s => new Choice(MeasureTexts.Status(s, texts), s.ToString())).ToList())
        {
            Id = CardInput.Id<MeasureUpdateData>(nameof(MeasureUpdateData.Status)), Label = texts[TextKey.MeasureUpdateStatus], Style = ChoiceSetStyle.Compact, Value = measure.Status.ToString(), IsRequired = true,
            ErrorMessage = texts[TextKey.MeasureUpdateBadStatus],
        });
        body.Add(new NumberInput
        {
            Id = MeasureUpdateData.ProgressId, Label = texts[TextKey.MeasureUpdateProgress], Value = measure.Progress, Min = 0, Max = 100, IsRequired = true,
            ErrorMessage = texts[TextKey.MeasureUpdateBadProgress],
        });
        body.AddRange(measure.Indicators.Select((indicator, i) => (CardElement)new NumberInput
        {
            Id = MeasureUpdateData.IndicatorId(i),
            Label = texts.Format(TextKey.MeasureUpdateIndicator, indicator.Name,
                $"{MeasureTexts.Number(indicator.Target, texts)} {indicator.Unit}".TrimEnd()),
            Value = indicator.Current,
        }));
        body.Add(new TextInput
        {
            Id = CardInput.Id<MeasureUpdateData>(nameof(MeasureUpdateData.ResponsibleUnit)), Label = texts[TextKey.MeasureUpdateResponsibleUnit],
            Value = measure.ResponsibleUnit, MaxLength = TextLimits.Title,
        });
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.MeasureUpdateSave], CardVerbs.UpdateMeasureStatus,
                    CardPayload.Write(new MeasureUpdateData(measure.AgendaId, measure.Id), MeasureCardJson.Default.MeasureUpdateData)),
            ],
        };
    }
}
