using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Measures;

/// <summary>"maßnahmen" in the personal chat: the measures a person owns, each with a button to report its status.</summary>
public static class MyMeasuresCard
{
    /// <summary>Buttons per card: a person owning more gets the most silent ones first.</summary>
    public const int MaxListed = 20;

    public static AdaptiveCard Render(IReadOnlyList<Measure> owned, Texts texts)
    {
        var title = texts[TextKey.MyMeasuresTitle];
        var body = new List<CardElement> { new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        foreach (var m in owned.OrderBy(m => m.UpdatedAt).Take(MaxListed))
        {
            body.Add(new RichTextBlock([new TextRun(m.Title) { Weight = TextWeight.Bolder }]) { Separator = true, Spacing = ElementSpacing.Medium });
            body.Add(new TextBlock(texts.Format(TextKey.MyMeasuresLine, MeasureTexts.Status(m.Status, texts), m.Progress, MeasureTexts.Date(m.UpdatedAt, texts)))
            {
                IsSubtle = true, Spacing = ElementSpacing.None,
            });
            body.Add(new ActionSet(
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.MyMeasuresOpen], CardVerbs.OpenMeasureUpdate,
                    CardPayload.Write(new MeasureRef(m.AgendaId, m.Id), MeasureCardJson.Default.MeasureRef)),
            ]) { Spacing = ElementSpacing.Small });
        }

        return new AdaptiveCard { Lang = texts.Culture.TwoLetterISOLanguageName, FallbackText = title, Body = body };
    }
}
