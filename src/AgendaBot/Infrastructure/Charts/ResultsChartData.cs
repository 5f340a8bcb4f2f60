using System.Globalization;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>One bar of a ranking: a label such as "#3 Online-Terminvergabe", its value and, if known, its spread.</summary>
/// <param name="Label">Shown left of the bar; shortened with "…" when too long for the label column.</param>
/// <param name="Value">Mean score or points.</param>
public sealed record RankedBar(string Label, double Value)
{
    /// <summary>Drawn as an error bar ± this much around the value (e.g. the standard deviation); null draws none.</summary>
    public double? Spread { get; init; }
}

/// <summary>What <see cref="ResultsChart.Render"/> draws. All texts come from the caller, already in the right language.</summary>
/// <param name="Bars">In rank order: the first is drawn on top.</param>
public sealed record ResultsChartData(string Title, string ValueAxisLabel, IReadOnlyList<RankedBar> Bars)
{
    /// <summary>Shown instead of bars when <see cref="Bars"/> is empty, e.g. "Noch keine Stimmen".</summary>
    public string NoDataText { get; init; } = "Keine Daten";

    /// <summary>Numbers on the axis and the bars: "3,5" in German, "3.5" in English.</summary>
    public CultureInfo Culture { get; init; } = BotCulture.German;

    /// <summary>The end of the value axis, e.g. 5 for a 1–5 score, so rounds compare at a glance; null fits the data.</summary>
    public double? ScaleMax { get; init; }
}
