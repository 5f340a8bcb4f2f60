using System.Globalization;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Features.Plan;

/// <summary>
/// The plan form's values as a measure's dates and lists. Blank rows are left out; a row filled in halfway, a date or
/// a number that is none, is refused with an <see cref="InputProblem"/> that names it. Lengths and counts are the
/// domain's to check (<see cref="Measure.Validated"/>).
/// </summary>
public static class PlanReading
{
    public static DateOnly? Start(PlanData input) =>
        Date(input.Start, text => new InputProblem.StartNotADate(text));

    public static DateOnly? End(PlanData input) =>
        Date(input.End, text => new InputProblem.EndNotADate(text));

    public static IReadOnlyList<string> WorkPackages(PlanData input) =>
        input.WorkPackageList().Where(row => !row.IsBlank).Select(row => row.Title!.Trim()).ToList();

    public static IReadOnlyList<Milestone> Milestones(PlanData input) =>
        input.MilestoneList().Where(row => !row.IsBlank).Select(Milestone).ToList();

    public static IReadOnlyList<Indicator> Indicators(PlanData input) =>
        input.IndicatorList().Where(row => !row.IsBlank).Select(Indicator).ToList();

    private static Milestone Milestone(MilestoneRow row)
    {
        var title = row.Title?.Trim();
        if (string.IsNullOrWhiteSpace(row.Date))
        {
            throw new DomainException(new InputProblem.MilestoneWithoutDate(title!));
        }

        var due = Date(row.Date, text => new InputProblem.MilestoneDateNotADate(title ?? string.Empty, text))!.Value;
        return string.IsNullOrEmpty(title) ? throw new DomainException(new InputProblem.MilestoneWithoutTitle(due)) : new Milestone(title, due);
    }

    private static Indicator Indicator(IndicatorRow row)
    {
        var name = row.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new DomainException(new InputProblem.IndicatorWithoutName());
        }

        if (string.IsNullOrWhiteSpace(row.Target))
        {
            throw new DomainException(new InputProblem.IndicatorWithoutTarget(name));
        }

        var target = PlanRows.Number(row.Target) ?? throw new DomainException(new InputProblem.TargetNotANumber(name, row.Target.Trim()));
        var baseline = string.IsNullOrWhiteSpace(row.Baseline)
            ? (double?)null
            : PlanRows.Number(row.Baseline) ?? throw new DomainException(new InputProblem.BaselineNotANumber(name, row.Baseline.Trim()));
        return new Indicator(name, string.IsNullOrWhiteSpace(row.Unit) ? null : row.Unit.Trim(), baseline, target);
    }

    // A date picker sends yyyy-MM-dd; anything else came from a card of old or a hand-made request.
    private static DateOnly? Date(string? text, Func<string, InputProblem> notADate) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException(notADate(text.Trim()));
}
