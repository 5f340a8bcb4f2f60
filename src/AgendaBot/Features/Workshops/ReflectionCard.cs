using AgendaBot.Domain.Workshops;
using AgendaBot.Localization;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

/// <summary>The reflection at the end of a step: what it produced, and what comes next.</summary>
public static class ReflectionCard
{
    public static AdaptiveCard Render(Workshop workshop, WorkshopStep step, IReadOnlyList<Contribution> contributions, Texts texts)
    {
        var items = contributions.Where(c => c.Step == step && !c.Hidden).OrderBy(c => c.Priority ?? int.MaxValue).ThenBy(c => c.Number).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.ReflectionTitle, StepTexts.Heading(texts, step))) { Size = "Large", Weight = "Bolder" },
            new TextBlock(items.Count == 0
                ? texts[TextKey.ReflectionNone]
                : texts.Format(TextKey.ReflectionCount, items.Count, items.Select(c => c.Author.Id).Distinct().Count())),
        };
        body.AddRange(items.Take(10).Select(c => (CardElement)new RichTextBlock(
            [new TextRun($"#{c.Number}  ") { Weight = "Bolder" }, new TextRun(c.Text) { }]) { Spacing = "Small" }));
        body.Add(new TextBlock(step == WorkshopStep.TimeAndMeasuresPlan
            ? texts[TextKey.ReflectionDone]
            : texts.Format(TextKey.ReflectionNext, (int)step + 1, StepTexts.Title(texts, step + 1))) { Spacing = "Medium", Weight = "Bolder" });
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.ReflectionTitle, StepTexts.Heading(texts, step)),
            MsTeams = new(),
            Body = body,
        };
    }
}
