using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>How measures read in cards: dates, status names, numbers in the reader's language.</summary>
// Seam: the plan summary and picture name measure statuses as the measures do.
[Seam]
public static class MeasureTexts
{
    public static string Date(DateOnly? date, Texts texts) => date?.ToString("d", texts.Culture) ?? "–";

    public static string Date(DateTimeOffset at, Texts texts) => DateOnly.FromDateTime(at.UtcDateTime).ToString("d", texts.Culture);

    public static string Status(MeasureStatus status, Texts texts) => WeeklyStatusCard.StatusName(texts, status);

    public static string Number(double value, Texts texts) => value.ToString("0.##", texts.Culture);

    public static string Number(double? value, Texts texts) => value is { } v ? Number(v, texts) : "–";

    /// <summary>Plan order: priority first (from voting or set by the project lead), then start date, then title.</summary>
    public static IReadOnlyList<Measure> ByPriority(IEnumerable<Measure> measures) => measures
        .OrderBy(m => m.Priority ?? int.MaxValue)
        .ThenBy(m => m.Start ?? DateOnly.MaxValue)
        .ThenBy(m => m.Title, StringComparer.Create(CultureInfo.InvariantCulture, true))
        .ThenBy(m => m.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>"Entwurf" or "Endfassung seit …", with the budget year when one is set.</summary>
    public static string Stage(PlanState standing, Texts texts)
    {
        var stage = standing.IsFinal && standing.FinalSince is { } since
            ? texts.Format(TextKey.PlanStageFinal, MeasureTexts.Date(since, texts))
            : texts[TextKey.PlanStageDraft];
        return standing.BudgetYear is { } year ? $"{stage} · {texts.Format(TextKey.PlanStageBudget, year.ToString(CultureInfo.InvariantCulture))}" : stage;
    }
}
