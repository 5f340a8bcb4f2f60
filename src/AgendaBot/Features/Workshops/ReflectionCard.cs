using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Workshops;

/// <summary>The reflection at the end of a step: what it produced, and what comes next.</summary>
public static class ReflectionCard
{
    public static AdaptiveCard Render(Workshop workshop, WorkshopStep step, IReadOnlyList<Contribution> contributions, Texts texts)
    {
        var items = contributions.Where(c => c.Step == step && !c.Hidden).OrderBy(c => c.Priority ?? int.MaxValue).ThenBy(c => c.Number).ToList();
        var people = items.Select(c => c.Author.Id).Distinct().Count();
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.ReflectionTitle, StepTexts.Heading(texts, step))) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            // Singular forms: "1 Beiträge … von 1 Personen" is what a committee member would otherwise read.
            new TextBlock(items.Count switch
            {
                0 => texts[TextKey.ReflectionNone],
                1 => texts[TextKey.ReflectionCountOne],
                _ when people == 1 => texts.Format(TextKey.ReflectionCountOnePerson, items.Count),
                _ => texts.Format(TextKey.ReflectionCount, items.Count, people),
            }),
        };
        body.AddRange(items.Take(10).Select(c => (CardElement)new RichTextBlock(
            [new TextRun($"#{c.Number}  ") { Weight = TextWeight.Bolder }, new TextRun(c.Text) { }]) { Spacing = ElementSpacing.Small }));
        body.Add(new TextBlock(step == WorkshopStep.TimeAndMeasuresPlan
            ? texts[TextKey.ReflectionDone]
            : texts.Format(TextKey.ReflectionNext, (int)step + 1, StepTexts.Title(texts, step + 1))) { Spacing = ElementSpacing.Medium, Weight = TextWeight.Bolder });
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.ReflectionTitle, StepTexts.Heading(texts, step)),
            MsTeams = new(),
            Body = body,
        };
    }
}
