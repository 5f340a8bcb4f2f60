using System.Globalization;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// Time-axis ticks on the first of a month, labelled with the caller's culture. Labelled by the given culture, never the
/// thread's: a picture must not depend on which thread drew it.
/// </summary>
internal static class MonthTicks
{
    private static readonly int[] Steps = [1, 2, 3, 6, 12];

    // About 80 units per label across a card-wide chart.
    private const int MaxTicks = 5;

    /// <param name="from">Day numbers (<see cref="DateOnly.DayNumber"/>), as on the axis.</param>
    public static IReadOnlyList<(double Day, string Label)> Between(double from, double to, CultureInfo culture)
    {
        var first = DateOnly.FromDayNumber((int)Math.Ceiling(from));
        var last = DateOnly.FromDayNumber((int)Math.Floor(to));
        var months = ((last.Year - first.Year) * 12) + last.Month - first.Month + 1;
        var step = Steps.FirstOrDefault(s => months / s <= MaxTicks, 12 * (int)Math.Ceiling(months / (12.0 * MaxTicks)));
        var ticks = new List<(double Day, string Label)>();
        var month = new DateOnly(first.Year, first.Month, 1);
        if (month < first)
        {
            month = month.AddMonths(1);
        }

        // Whole steps from January, so "Jan, Apr, Jul, Oct" rather than whatever month the plan started in.
        while ((month.Month - 1) % step != 0)
        {
            month = month.AddMonths(1);
        }

        for (; month <= last; month = month.AddMonths(step))
        {
            var format = step >= 12 ? "yyyy" : "MMM yy";
            ticks.Add((month.DayNumber, month.ToString(format, culture)));
        }

        return ticks;
    }
}
