using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Tests;

/// <summary>What the project lead's Monday post says about the measures.</summary>
public sealed class WeeklyStatusTests
{
    private static readonly DateTimeOffset Monday = new(2027, 3, 15, 7, 0, 0, TimeSpan.Zero);
    private static readonly TeamsUser Owner = new("aad-owner", "Jürgen Becker");

    private static Measure M(string id, MeasureStatus status = MeasureStatus.InProgress, DateTimeOffset? updated = null) => new()
    {
        Id = id, AgendaId = "a", Title = $"Maßnahme {id}", Owner = Owner, Status = status,
        Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31), UpdatedAt = updated ?? Monday.AddDays(-1),
    };

    [Fact]
    public void Measures_are_counted_per_status()
    {
        var status = WeeklyStatus.Compose([M("1"), M("2"), M("3", MeasureStatus.Done)], [], Monday);

        Assert.Equal(2, status.CountByStatus[MeasureStatus.InProgress]);
        Assert.Equal(1, status.CountByStatus[MeasureStatus.Done]);
        Assert.Equal(0, status.CountByStatus[MeasureStatus.Delayed]);
    }

    [Fact]
    public void Only_changes_of_the_last_seven_days_are_reported_newest_first()
    {
        MeasureChange Change(int daysAgo) => new("1", Owner, Monday.AddDays(-daysAgo), "progress", "10", "20");

        var status = WeeklyStatus.Compose([M("1")], [Change(8), Change(2), Change(6)], Monday);

        Assert.Equal([Monday.AddDays(-2), Monday.AddDays(-6)], status.ChangedSinceLastWeek.Select(c => c.At));
    }

    [Fact]
    public void Open_milestones_in_the_past_are_overdue_and_those_in_the_next_fourteen_days_are_due_soon()
    {
        var measure = M("1") with
        {
            Milestones =
            [
                new Milestone("Ausschreibung", new DateOnly(2027, 3, 1)),
                new Milestone("Vergabe", new DateOnly(2027, 3, 20)),
                new Milestone("Schulung", new DateOnly(2027, 5, 1)),
                new Milestone("Erledigt", new DateOnly(2027, 2, 1), Done: true),
            ],
        };

        var status = WeeklyStatus.Compose([measure], [], Monday);

        Assert.Equal("Ausschreibung", Assert.Single(status.Overdue).Milestone.Title);
        Assert.Equal("Vergabe", Assert.Single(status.DueSoon).Milestone.Title);
    }

    [Fact]
    public void An_indicator_behind_its_straight_path_to_the_target_is_off_target()
    {
        // 1 Jan to 31 Dec, mid-March: about a fifth of the way from 0 to 60 means about 12 expected.
        var behind = M("1") with { Indicators = [new Indicator("Online-Termine", "%", 0, 60, Current: 5)] };
        var ahead = M("2") with { Indicators = [new Indicator("Online-Termine", "%", 0, 60, Current: 20)] };

        var status = WeeklyStatus.Compose([behind, ahead], [], Monday);

        var off = Assert.Single(status.OffTarget);
        Assert.Equal("1", off.Measure.Id);
        Assert.InRange(off.Expected, 11, 13);
    }

    [Fact]
    public void For_a_falling_target_a_value_above_the_path_is_off_target()
    {
        var paper = M("1") with { Indicators = [new Indicator("Papieranträge", "pro Monat", 500, 100, Current: 480)] };

        var status = WeeklyStatus.Compose([paper], [], Monday);

        Assert.Single(status.OffTarget);
    }

    [Fact]
    public void Measures_nobody_updated_for_fourteen_days_are_listed_but_finished_ones_are_not()
    {
        var stale = M("1", updated: Monday.AddDays(-20));
        var fresh = M("2", updated: Monday.AddDays(-3));
        var finished = M("3", MeasureStatus.Done, updated: Monday.AddDays(-60));

        var status = WeeklyStatus.Compose([stale, fresh, finished], [], Monday);

        Assert.Equal("1", Assert.Single(status.WithoutUpdate).Id);
    }

    [Fact]
    public void A_measure_past_its_end_and_not_done_is_late()
    {
        var late = M("1") with { End = new DateOnly(2027, 3, 1) };

        var status = WeeklyStatus.Compose([late, M("2")], [], Monday);

        Assert.Equal("1", Assert.Single(status.LateMeasures).Id);
    }
}
