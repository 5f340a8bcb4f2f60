using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>A milestone, drawn as a diamond on its measure's row: filled when done, hollow while open.</summary>
public sealed record TimelineMilestone(DateOnly Date, bool Done = false);

/// <summary>One measure of the plan: a bar from <see cref="Start"/> to <see cref="End"/> (both days included) in the colour of its status.</summary>
/// <param name="Start">Null, or <paramref name="End"/> null: no bar, only the label and the milestones.</param>
public sealed record TimelineRow(string Label, DateOnly? Start, DateOnly? End, MeasureStatus Status)
{
    public IReadOnlyList<TimelineMilestone> Milestones { get; init; } = [];
}

/// <summary>What <see cref="TimelineChart.Render"/> draws. All texts come from the caller, already in the right language.</summary>
/// <param name="Rows">In plan order: the first is drawn on top.</param>
/// <param name="Today">Where the "today" line goes; from the caller's clock so the picture is reproducible.</param>
public sealed record TimelineChartData(string Title, IReadOnlyList<TimelineRow> Rows, DateOnly Today)
{
    /// <summary>The label on the today line, e.g. "heute" / "today".</summary>
    public string TodayText { get; init; } = "heute";

    /// <summary>Shown instead of rows when there are none (or none has a date), e.g. "Noch keine Maßnahmen mit Termin".</summary>
    public string NoDataText { get; init; } = "Keine Daten";

    /// <summary>Legend entries for the statuses that occur, e.g. Done → "erledigt"; a status without a name has no entry.</summary>
    public IReadOnlyDictionary<MeasureStatus, string> StatusNames { get; init; } = new Dictionary<MeasureStatus, string>();

    /// <summary>Month names on the time axis: "Mär 26" in German, "Mar 26" in English.</summary>
    public CultureInfo Culture { get; init; } = BotCulture.German;
}
