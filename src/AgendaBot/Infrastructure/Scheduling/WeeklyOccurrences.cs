using System.Globalization;
using AgendaBot.Domain.Agendas;
using Cronos;

namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>
/// When an agenda's weekly post is due: its cron expression read in its own time zone, so "Monday 08:00
/// Europe/Berlin" stays 08:00 on the wall clock in summer and winter time alike (07:00 or 06:00 UTC). Pure: the
/// caller says what "now" is.
/// </summary>
public sealed class WeeklyOccurrences
{
    private readonly CronExpression cron;

    private WeeklyOccurrences(CronExpression cron, TimeZoneInfo zone)
    {
        this.cron = cron;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Reads a schedule; false with the reason when the cron expression or the time zone is unknown.</summary>
    public static bool TryCreate(WeeklySchedule schedule, out WeeklyOccurrences? occurrences, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        occurrences = null;
        problem = null;
        try
        {
            occurrences = new WeeklyOccurrences(CronExpression.Parse(schedule.Cron, CronFormat.Standard),
                TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
            return true;
        }
        catch (Exception failure) when (failure is CronFormatException or TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            problem = failure.Message;
            return false;
        }
    }

    public static WeeklyOccurrences For(WeeklySchedule schedule) =>
        TryCreate(schedule, out var occurrences, out var problem) ? occurrences! : throw new ArgumentException(problem, nameof(schedule));

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>. Cronos walks the zone's local time: a time that
    /// does not exist (the spring gap) moves forward, a time that exists twice (the autumn overlap) counts once.
    /// </summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => cron.GetNextOccurrence(after, Zone);

    /// <summary>The ISO week (e.g. <c>2026-W10</c>) of an occurrence, on the calendar of the schedule's time zone.</summary>
    public string IsoWeekOf(DateTimeOffset occurrence)
    {
        var local = TimeZoneInfo.ConvertTime(occurrence, Zone).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):D2}");
    }
}
