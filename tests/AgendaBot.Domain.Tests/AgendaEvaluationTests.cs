using AgendaBot.Domain.Measures;

namespace AgendaBot.Domain.Tests;

public sealed class AgendaEvaluationTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    private static Measure M(string id, MeasureStatus status, DateOnly? start = null, DateOnly? end = null) =>
        new() { Id = id, AgendaId = "a", Title = id, Status = status, Start = start, End = end, UpdatedAt = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void A_running_measure_within_its_dates_is_on_time()
    {
        var e = AgendaEvaluation.Evaluate([M("m", MeasureStatus.InProgress, new(2027, 1, 1), new(2027, 12, 31))],
            [new StatusChange("m", new(2027, 1, 10), MeasureStatus.InProgress)], 0, Today).Measures[0];

        Assert.Equal((PlanStanding.OnTime, 0, new DateOnly(2027, 1, 10), 9), (e.Standing, e.DaysLate, e.StartedOn!.Value, e.StartedLateDays));
    }

    [Fact]
    public void A_planned_measure_past_its_start_is_late_by_the_days_since()
    {
        var e = AgendaEvaluation.Evaluate([M("m", MeasureStatus.Planned, new(2027, 5, 1), new(2027, 12, 31))], [], 0, Today).Measures[0];

        Assert.Equal((PlanStanding.Late, 31), (e.Standing, e.DaysLate));
    }

    [Fact]
    public void A_running_measure_past_its_end_is_late_and_an_overdue_milestone_counts()
    {
        var measure = M("m", MeasureStatus.InProgress, new(2027, 1, 1), new(2027, 5, 22)) with
        {
            Milestones = [new Milestone("Ausschreibung", new(2027, 3, 1)), new Milestone("Vergabe", new(2027, 4, 1), Done: true)],
        };

        var e = AgendaEvaluation.Evaluate([measure], [new StatusChange("m", new(2027, 1, 1), MeasureStatus.InProgress)], 0, Today).Measures[0];

        Assert.Equal((PlanStanding.Late, 92, 1), (e.Standing, e.DaysLate, e.OverdueMilestones));
    }

    [Fact]
    public void A_measure_done_after_its_end_is_done_with_the_days_it_was_late()
    {
        var e = AgendaEvaluation.Evaluate([M("m", MeasureStatus.Done, new(2027, 1, 1), new(2027, 3, 31))],
            [new StatusChange("m", new(2027, 1, 2), MeasureStatus.InProgress), new StatusChange("m", new(2027, 4, 10), MeasureStatus.Done)], 0, Today).Measures[0];

        Assert.Equal((PlanStanding.Done, 10, new DateOnly(2027, 4, 10)), (e.Standing, e.DaysLate, e.FinishedOn!.Value));
    }

    [Fact]
    public void A_delayed_measure_is_late_even_within_its_dates_and_a_dropped_one_is_never_late()
    {
        var e = AgendaEvaluation.Evaluate([M("d", MeasureStatus.Delayed, new(2027, 1, 1), new(2027, 12, 31)), M("x", MeasureStatus.Dropped, new(2027, 1, 1), new(2027, 2, 1))],
            [], 0, Today);

        Assert.Equal([(PlanStanding.Late, 0), (PlanStanding.Dropped, 0)], e.Measures.Select(m => (m.Standing, m.DaysLate)));
    }

    [Fact]
    public void Indicators_count_from_baseline_to_target_in_either_direction()
    {
        var measure = M("m", MeasureStatus.InProgress) with
        {
            Indicators = [new Indicator("Online-Anträge", "Prozent", 10, 60, 35), new Indicator("Papierformulare", null, 100, 20, 60), new Indicator("Neu", null, null, 50)],
        };

        var e = AgendaEvaluation.Evaluate([measure], [], 0, Today).Measures[0];

        Assert.Equal([50.0, 50.0, null], e.Indicators.Select(i => i.Percent));
        Assert.Equal(50.0, e.Attainment);
    }

    [Fact]
    public void Shares_add_up_to_a_hundred()
    {
        var e = AgendaEvaluation.Evaluate([M("a", MeasureStatus.Done), M("b", MeasureStatus.Dropped), M("c", MeasureStatus.InProgress)], [], 2, Today);

        Assert.Equal(100, Enum.GetValues<PlanStanding>().Sum(e.Share));
        Assert.Equal([34, 33, 33], new[] { PlanStanding.OnTime, PlanStanding.Done, PlanStanding.Dropped }.Select(e.Share).OrderDescending());
        Assert.Equal(2, e.Consultations);
    }
}
