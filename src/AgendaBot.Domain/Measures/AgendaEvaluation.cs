namespace AgendaBot.Domain.Measures;

/// <summary>Where a measure stands against its plan, in the four words the evaluation uses.</summary>
public enum PlanStanding
{
    /// <summary>Running or planned, and nothing is behind its dates.</summary>
    OnTime,

    /// <summary>Marked as delayed, or its start, end or a milestone is past without it.</summary>
    Late,

    Done,
    Dropped,
}

/// <summary>When a measure's status changed: the evaluation's source for when it actually started and ended.</summary>
public sealed record StatusChange(string MeasureId, DateOnly On, MeasureStatus To);

/// <summary>How far an indicator has come from its baseline to its target, in per cent (null without a current value).</summary>
public sealed record IndicatorAttainment(Indicator Indicator, double? Percent);

/// <summary>One measure against its time corridor and its targets.</summary>
public sealed record MeasureEvaluation(
    Measure Measure,
    PlanStanding Standing,
    DateOnly? StartedOn,
    DateOnly? FinishedOn,
    int DaysLate,
    int OverdueMilestones,
    IReadOnlyList<IndicatorAttainment> Indicators)
{
    /// <summary>How many days after its planned start it began (0: on time, or not begun).</summary>
    public int StartedLateDays { get; init; }

    /// <summary>The mean attainment of the indicators that have a current value, each counted between 0 and 100 %.</summary>
    public double? Attainment => Indicators.Where(i => i.Percent is not null).Select(i => Math.Clamp(i.Percent!.Value, 0, 100)).ToList() is { Count: > 0 } known
        ? known.Average()
        : null;
}

/// <summary>
/// The agenda's evaluation (the seeds' "Indikatoren: die Einhaltung des zeitlichen Korridors und die … beabsichtigten Ziele
/// und Effekte"): per measure whether it keeps its time corridor and how far its indicators have come; for the agenda
/// the shares on time, late, done and dropped, and the consultations. Pure: what storage read goes in, today included.
/// </summary>
public sealed record AgendaEvaluation(IReadOnlyList<MeasureEvaluation> Measures, int Consultations)
{
    public int Count(PlanStanding standing) => Measures.Count(m => m.Standing == standing);

    /// <summary>The share of all measures in per cent, rounded so that the four shares add up to 100.</summary>
    public int Share(PlanStanding standing) => Measures.Count == 0 ? 0 : RoundedShares()[standing];

    public double? Attainment => Measures.Select(m => m.Attainment).OfType<double>().ToList() is { Count: > 0 } known ? known.Average() : null;

    /// <summary>The measures to look at first: late ones (the latest first), then the others in plan order.</summary>
    public IEnumerable<MeasureEvaluation> WorstFirst => Measures
        .OrderBy(m => m.Standing switch { PlanStanding.Late => 0, PlanStanding.OnTime => 1, PlanStanding.Done => 2, _ => 3 })
        .ThenByDescending(m => m.DaysLate)
        .ThenBy(m => m.Measure.Priority ?? int.MaxValue);

    public static AgendaEvaluation Evaluate(IReadOnlyList<Measure> measures, IReadOnlyList<StatusChange> changes, int consultations, DateOnly today) =>
        new(measures.Select(m => Evaluate(m, changes.Where(c => c.MeasureId == m.Id).OrderBy(c => c.On).ToList(), today)).ToList(), consultations);

    private static MeasureEvaluation Evaluate(Measure m, IReadOnlyList<StatusChange> changes, DateOnly today)
    {
        var startedOn = changes.FirstOrDefault(c => c.To is MeasureStatus.InProgress or MeasureStatus.Delayed or MeasureStatus.Done)?.On;
        var finishedOn = m.Status == MeasureStatus.Done ? changes.LastOrDefault(c => c.To == MeasureStatus.Done)?.On ?? DateOnly.FromDateTime(m.UpdatedAt.UtcDateTime) : (DateOnly?)null;
        var open = m.Status is not (MeasureStatus.Done or MeasureStatus.Dropped);
        var overdue = open ? m.Milestones.Where(ms => !ms.Done && ms.Due < today).ToList() : [];
        int[] lateness =
        [
            // Not started by its start. A late start that is made up for is no delay of the measure; it is shown on its own.
            m.Start is { } start && m.Status == MeasureStatus.Planned ? Days(start, today) : 0,
            // Not done by its end (or done after it).
            m.End is { } end ? Days(end, finishedOn ?? (open ? today : end)) : 0,
            .. overdue.Select(ms => Days(ms.Due, today)),
        ];
        var daysLate = m.Status == MeasureStatus.Dropped ? 0 : lateness.Max();
        var standing = m.Status switch
        {
            MeasureStatus.Done => PlanStanding.Done,
            MeasureStatus.Dropped => PlanStanding.Dropped,
            MeasureStatus.Delayed => PlanStanding.Late,
            _ => daysLate > 0 ? PlanStanding.Late : PlanStanding.OnTime,
        };
        return new MeasureEvaluation(m, standing, startedOn, finishedOn, daysLate, overdue.Count,
            m.Indicators.Select(i => new IndicatorAttainment(i, Attained(i))).ToList())
        {
            StartedLateDays = m.Start is { } planned && startedOn is { } actual ? Days(planned, actual) : 0,
        };
    }

    private static int Days(DateOnly planned, DateOnly actual) => Math.Max(0, actual.DayNumber - planned.DayNumber);

    // From the baseline (or zero) to the target: a target below the baseline (fewer paper forms) counts downwards.
    private static double? Attained(Indicator i)
    {
        if (i.Current is not { } current)
        {
            return null;
        }

        var from = i.Baseline ?? 0;
        return i.Target == from ? (current == i.Target ? 100 : 0) : (current - from) / (i.Target - from) * 100;
    }

    // Largest remainder: 33 + 33 + 33 becomes 34 + 33 + 33, so a reader never sees 99 %.
    private Dictionary<PlanStanding, int> RoundedShares()
    {
        var exact = Enum.GetValues<PlanStanding>().ToDictionary(s => s, s => Count(s) * 100.0 / Measures.Count);
        var shares = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value));
        foreach (var standing in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).Select(e => e.Key).Take(100 - shares.Values.Sum()))
        {
            shares[standing]++;
        }

        return shares;
    }
}
