using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Measures;

/// <summary>What an owner reports about their measure: status, progress and the current values of its indicators.</summary>
/// <param name="IndicatorValues">By indicator position; null leaves that indicator's current value as it was.</param>
public sealed record StatusReport(MeasureStatus Status, int Progress, IReadOnlyList<double?> IndicatorValues)
{
    /// <summary>The unit or role responsible, as the public pages name it (blank: none); null leaves it as it is.</summary>
    public string? ResponsibleUnit { get; init; }
}

/// <summary>The follow-up of a planned measure: who may report its status, and when its owner is reminded.</summary>
public static class MeasureFollowUp
{
    /// <summary>How long a measure may go without an update before its owner is reminded, and again after each such period.</summary>
    public static readonly TimeSpan ReminderPeriod = WeeklyStatus.StaleAfter;

    /// <summary>The owner reports; the project lead may report for them (an owner on leave, a phone call).</summary>
    public static bool MayReport(Measure measure, TeamsUser user, TeamsUser projectLead) =>
        !user.IsAnonymous && (measure.Owner?.Id == user.Id || projectLead.Id == user.Id);

    public static Measure Apply(Measure measure, StatusReport report)
    {
        if (report.Progress is < 0 or > 100)
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "progress");
        }

        var indicators = measure.Indicators
            .Select((indicator, i) => i < report.IndicatorValues.Count && report.IndicatorValues[i] is { } value
                ? indicator with { Current = double.IsFinite(value) ? value : throw new DomainException(DomainErrorCode.InvalidValue, "indicator") }
                : indicator)
            .ToList();
        return measure with
        {
            Status = report.Status, Progress = report.Progress, Indicators = indicators,
            ResponsibleUnit = report.ResponsibleUnit is null ? measure.ResponsibleUnit : TextLimits.Optional(report.ResponsibleUnit, TextLimits.Title, "responsible unit"),
        };
    }

    /// <summary>Whether a report would change nothing: the same card delivered twice stores nothing the second time.</summary>
    public static bool ChangesNothing(Measure measure, Measure after) =>
        measure.Status == after.Status && measure.Progress == after.Progress && measure.Indicators.SequenceEqual(after.Indicators)
        && measure.ResponsibleUnit == after.ResponsibleUnit;

    /// <summary>
    /// Which reminder period a measure is in: 1 from 14 days after its last update, 2 from 28 days, and so on; null while
    /// it is recent or finished. Owner and period name one reminder, so each period reminds once.
    /// </summary>
    public static int? ReminderDue(Measure measure, DateTimeOffset now)
    {
        if (measure.Owner is null || measure.Status is MeasureStatus.Done or MeasureStatus.Dropped)
        {
            return null;
        }

        var silent = now - measure.UpdatedAt;
        return silent < ReminderPeriod ? null : (int)(silent.Ticks / ReminderPeriod.Ticks);
    }
}
