using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Measures;

/// <summary>
/// The evaluation card: the agenda's shares on schedule, behind, done and dropped (in words and one picture), the
/// indicators' mean attainment and the consultations, then the measures — those behind schedule first — each with its
/// time corridor and its indicators from baseline to target.
/// </summary>
// Seam: the export shows the evaluation in the same words.
[Seam]
public static class EvaluationCard
{
    /// <summary>Measures the card lists; the export has every one.</summary>
    public const int MaxListed = 15;

    public static AdaptiveCard Render(string agendaTitle, AgendaEvaluation evaluation, string? pictureUrl, Texts texts)
    {
        var title = texts.Format(TextKey.EvaluationTitle, agendaTitle);
        var body = new List<CardElement> { new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]) };
        if (evaluation.Measures.Count == 0)
        {
            body.Add(new TextBlock(texts[TextKey.EvaluationNone]));
        }
        else
        {
            body.Add(new TextBlock(Summary(evaluation, texts)));
            if (pictureUrl is not null)
            {
                body.Add(new Image(pictureUrl, Alt(evaluation, texts)) { Size = ImageSize.Stretch });
            }

            if (evaluation.Attainment is { } attainment)
            {
                body.Add(new TextBlock(texts.Format(TextKey.EvaluationAttainment, Math.Round(attainment))) { IsSubtle = true, Spacing = ElementSpacing.Small });
            }
        }

        body.Add(new TextBlock(evaluation.Consultations == 0 ? texts[TextKey.ConsultationsNone] : texts.Format(TextKey.EvaluationConsultations, evaluation.Consultations))
            { IsSubtle = true, Spacing = ElementSpacing.None });
        foreach (var measure in evaluation.WorstFirst.Take(MaxListed))
        {
            body.Add(new RichTextBlock([new TextRun(measure.Measure.Title) { Weight = TextWeight.Bolder }]) { Spacing = ElementSpacing.Medium, Separator = true });
            body.Add(new RichTextBlock([new TextRun(Corridor(measure, texts))
            {
                Color = measure.Standing == PlanStanding.Late ? TextColor.Attention : null,
            }]) { Spacing = ElementSpacing.None });
            foreach (var indicator in measure.Indicators)
            {
                body.Add(new RichTextBlock([new TextRun(Indicator(indicator, texts)) { IsSubtle = true }]) { Spacing = ElementSpacing.None });
            }
        }

        if (evaluation.Measures.Count > MaxListed)
        {
            body.Add(new TextBlock(texts.Format(TextKey.EvaluationMore, evaluation.Measures.Count - MaxListed)) { IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
        };
    }

    /// <summary>"10 Maßnahmen: 5 im Zeitplan, 2 hinter dem Zeitplan, 2 erledigt, 1 verworfen."</summary>
    public static string Summary(AgendaEvaluation e, Texts texts) => texts.Format(TextKey.EvaluationSummary, e.Measures.Count,
        e.Count(PlanStanding.OnTime), e.Count(PlanStanding.Late), e.Count(PlanStanding.Done), e.Count(PlanStanding.Dropped));

    public static string Standing(PlanStanding standing, Texts texts) => texts[$"Standing{standing}"];

    /// <summary>Where one measure stands against its dates, in a line.</summary>
    public static string Corridor(MeasureEvaluation m, Texts texts)
    {
        var planned = texts.Format(TextKey.EvaluationPlanned, MeasureTexts.Date(m.Measure.Start, texts), MeasureTexts.Date(m.Measure.End, texts));
        var line = m.Standing switch
        {
            PlanStanding.Done when m.DaysLate > 0 => texts.Format(TextKey.EvaluationDoneLate, MeasureTexts.Date(m.FinishedOn, texts), m.DaysLate),
            PlanStanding.Done => texts.Format(TextKey.EvaluationDone, MeasureTexts.Date(m.FinishedOn, texts)),
            PlanStanding.Dropped => Standing(PlanStanding.Dropped, texts),
            PlanStanding.Late when m.DaysLate > 0 => texts.Format(TextKey.EvaluationLate, m.DaysLate),
            PlanStanding.Late => texts[TextKey.EvaluationReportedDelayed],
            _ => Standing(PlanStanding.OnTime, texts),
        };
        var parts = new List<string> { line };
        if (m.Measure.Start is not null || m.Measure.End is not null)
        {
            parts.Add(planned);
        }

        if (m.OverdueMilestones > 0)
        {
            parts.Add(texts.Format(TextKey.EvaluationMilestonesOverdue, m.OverdueMilestones));
        }

        if (m.StartedLateDays > 0)
        {
            parts.Add(texts.Format(TextKey.EvaluationStartedLate, MeasureTexts.Date(m.StartedOn, texts), m.StartedLateDays));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>"Online-Anträge: 10 → 35 → 60 Prozent (50 % erreicht)".</summary>
    public static string Indicator(IndicatorAttainment a, Texts texts)
    {
        var unit = a.Indicator.Unit is { Length: > 0 } u ? " " + u : string.Empty;
        var path = $"{MeasureTexts.Number(a.Indicator.Baseline, texts)} → {MeasureTexts.Number(a.Indicator.Current, texts)} → {MeasureTexts.Number(a.Indicator.Target, texts)}{unit}";
        return a.Percent is { } percent
            ? texts.Format(TextKey.EvaluationIndicator, a.Indicator.Name, path, Math.Round(percent))
            : texts.Format(TextKey.EvaluationIndicatorNoValue, a.Indicator.Name, path);
    }

    /// <summary>The picture's text for screen readers: every bar with its number and share.</summary>
    public static string Alt(AgendaEvaluation e, Texts texts) => texts[TextKey.EvaluationChartTitle] + ": " + string.Join(", ",
        Enum.GetValues<PlanStanding>().Select(s => $"{e.Count(s)} {Standing(s, texts)} ({e.Share(s)} %)"));

    public static byte[] Picture(AgendaEvaluation e, Texts texts) => EvaluationChart.Render(new EvaluationChartData(
        texts[TextKey.EvaluationChartTitle],
        Enum.GetValues<PlanStanding>().Select(s => new EvaluationBar(s, Capitalised(Standing(s, texts), texts), e.Count(s), e.Share(s))).ToList(),
        texts.Culture));

    private static string Capitalised(string words, Texts texts) => words.Length == 0 ? words : char.ToUpper(words[0], texts.Culture) + words[1..];
}
