using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Scheduling;

namespace AgendaBot.Tests.Scheduling;

/// <summary>"Monday 08:00 Europe/Berlin" on the wall clock, whatever UTC says, across both daylight-saving changes.</summary>
public sealed class WeeklyOccurrencesTests
{
    private static readonly WeeklyOccurrences Mondays = WeeklyOccurrences.For(WeeklySchedule.Default);

    [Fact]
    public void Across_the_March_change_Monday_stays_at_eight_in_Berlin()
    {
        var before = Mondays.NextAfter(Utc(2026, 3, 20, 12, 0));
        var after = Mondays.NextAfter(before!.Value);

        Assert.Equal(Utc(2026, 3, 23, 7, 0), before);
        Assert.Equal(Utc(2026, 3, 30, 6, 0), after);
    }

    [Fact]
    public void Across_the_October_change_Monday_stays_at_eight_in_Berlin()
    {
        var before = Mondays.NextAfter(Utc(2026, 10, 16, 12, 0));
        var after = Mondays.NextAfter(before!.Value);

        Assert.Equal(Utc(2026, 10, 19, 6, 0), before);
        Assert.Equal(Utc(2026, 10, 26, 7, 0), after);
    }

    [Fact]
    public void Over_a_whole_year_every_Monday_comes_exactly_once_at_eight_local_time()
    {
        var occurrences = new List<DateTimeOffset>();
        for (var at = Mondays.NextAfter(Utc(2026, 1, 1, 0, 0)); at < Utc(2027, 1, 1, 0, 0); at = Mondays.NextAfter(at!.Value))
        {
            occurrences.Add(at!.Value);
        }

        var local = occurrences.Select(o => TimeZoneInfo.ConvertTime(o, Mondays.Zone)).ToList();
        Assert.Equal(52, occurrences.Count);
        Assert.All(local, l => Assert.Equal((DayOfWeek.Monday, 8, 0), (l.DayOfWeek, l.Hour, l.Minute)));
        Assert.All(local.Zip(local.Skip(1)), pair => Assert.Equal(7, (pair.Second.Date - pair.First.Date).Days));
        Assert.Equal(52, occurrences.Select(Mondays.IsoWeekOf).Distinct().Count());
    }

    [Fact]
    public void A_time_that_does_not_exist_on_the_spring_night_comes_once_just_after_the_gap()
    {
        var night = WeeklyOccurrences.For(new WeeklySchedule("30 2 * * 0", "Europe/Berlin"));

        var spring = night.NextAfter(Utc(2026, 3, 28, 12, 0));

        Assert.Equal(Utc(2026, 3, 29, 1, 0), spring);
        Assert.Equal(Utc(2026, 4, 5, 0, 30), night.NextAfter(spring!.Value));
    }

    [Fact]
    public void A_time_that_exists_twice_on_the_autumn_night_comes_once()
    {
        var night = WeeklyOccurrences.For(new WeeklySchedule("30 2 * * 0", "Europe/Berlin"));

        var autumn = night.NextAfter(Utc(2026, 10, 24, 12, 0));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), autumn);
        Assert.Equal(Utc(2026, 11, 1, 1, 30), night.NextAfter(autumn!.Value));
    }

    [Theory]
    [InlineData(2026, 3, 30, 6, "2026-W14")]
    [InlineData(2026, 12, 28, 7, "2026-W53")]
    [InlineData(2027, 1, 4, 7, "2027-W01")]
    public void The_week_is_the_ISO_week_of_the_occurrence(int year, int month, int day, int hourUtc, string week) =>
        Assert.Equal(week, Mondays.IsoWeekOf(Utc(year, month, day, hourUtc, 0)));

    [Fact]
    public void The_week_is_counted_on_the_calendar_of_the_schedules_time_zone()
    {
        var earlyMonday = WeeklyOccurrences.For(new WeeklySchedule("30 0 * * 1", "Europe/Berlin"));

        var due = earlyMonday.NextAfter(Utc(2026, 3, 1, 12, 0))!.Value;

        Assert.Equal(Utc(2026, 3, 1, 23, 30), due);
        Assert.Equal("2026-W10", earlyMonday.IsoWeekOf(due));
    }

    [Theory]
    [InlineData("every monday", "Europe/Berlin")]
    [InlineData("0 8 * * 1", "Europe/Hagenow")]
    public void A_schedule_that_cannot_be_read_says_why(string cron, string zone)
    {
        Assert.False(WeeklyOccurrences.TryCreate(new WeeklySchedule(cron, zone), out _, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
