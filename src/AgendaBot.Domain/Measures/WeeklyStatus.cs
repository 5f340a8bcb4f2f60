namespace AgendaBot.Domain.Measures;

/// <summary>A milestone of a measure, with the measure it belongs to.</summary>
public sealed record MilestoneDue(Measure Measure, Milestone Milestone);

/// <summary>An indicator whose current value is behind its path from baseline to target.</summary>
public sealed record IndicatorOffTarget(Measure Measure, Indicator Indicator, double Expected);

/// <summary>
/// What the project lead reads every Monday: where each measure stands, what changed since last week, what is overdue,
/// what is due in the next 14 days, which indicators are behind, and which measures nobody has updated.
/// </summary>
public sealed record WeeklyStatus(
    IReadOnlyDictionary<MeasureStatus, int> CountByStatus,
    IReadOnlyList<MeasureChange> ChangedSinceLastWeek,
    IReadOnlyList<MilestoneDue> Overdue,
    IReadOnlyList<MilestoneDue> DueSoon,
    IReadOnlyList<IndicatorOffTarget> OffTarget,
    IReadOnlyList<Measure> WithoutUpdate,
    IReadOnlyList<Measure> LateMeasures)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(14);

    public static WeeklyStatus Compose(IReadOnlyList<Measure> measures, IReadOnlyList<MeasureChange> history, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var active = measures.Where(m => m.Status is not (MeasureStatus.Done or MeasureStatus.Dropped)).ToList();
        var milestones = active.SelectMany(m => m.Milestones.Where(ms => !ms.Done).Select(ms => new MilestoneDue(m, ms))).ToList();
        return new WeeklyStatus(
            Enum.GetValues<MeasureStatus>().ToDictionary(s => s, s => measures.Count(m => m.Status == s)),
            history.Where(h => h.At > now - Week).OrderByDescending(h => h.At).ToList(),
            milestones.Where(m => m.Milestone.Due < today).OrderBy(m => m.Milestone.Due).ToList(),
            milestones.Where(m => m.Milestone.Due >= today && m.Milestone.Due <= today.AddDays(DueSoonWindow.Days)).OrderBy(m => m.Milestone.Due).ToList(),
            active.SelectMany(m => m.Indicators.Select(i => (m, i, Expected: Expected(m, i, today))))
                .Where(x => x.i.Current is { } current && x.Expected is { } expected && Behind(x.i, current, expected))
                .Select(x => new IndicatorOffTarget(x.m, x.i, x.Expected!.Value)).ToList(),
            active.Where(m => m.UpdatedAt < now - StaleAfter).OrderBy(m => m.UpdatedAt).ToList(),
            active.Where(m => m.End is { } end && end < today).ToList());
    }

    /// <summary>
    /// Where the indicator should be today if it moved in a straight line from its baseline at the start to its target
    /// at the end of the measure. Without dates or a baseline there is no path, and the target itself is the bar.
    /// </summary>
    private static double? Expected(Measure measure, Indicator indicator, DateOnly today)
    {
        if (measure.Start is not { } start || measure.End is not { } end || indicator.Baseline is not { } baseline || end <= start)
        {
            return measure.End is { } due && today > due ? indicator.Target : null;
        }

        var share = Math.Clamp((today.DayNumber - start.DayNumber) / (double)(end.DayNumber - start.DayNumber), 0, 1);
        return baseline + share * (indicator.Target - baseline);
    }

    // Targets can point down (fewer paper forms) as well as up (more online services).
    private static bool Behind(Indicator indicator, double current, double expected) =>
        indicator.Baseline is { } baseline && indicator.Target < baseline ? current > expected : current < expected;
}
