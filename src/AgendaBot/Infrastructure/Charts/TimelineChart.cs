using AgendaBot.Domain.Measures;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>The measures plan as a Gantt-like timeline, one row per measure, for the plan post.</summary>
public static class TimelineChart
{
    // Title above and month ticks below; the legend takes a line more.
    private const int Chrome = 80;
    private const int LegendHeight = 32;

    // Narrower than in the ranking: the time axis needs the width more.
    private const float MaxLabelPixels = 250;

    private static readonly Color TodayColor = Color.FromHex("#C4314B");

    /// <summary>
    /// A PNG 800 px wide and 80 + 28 px per row high, 32 px more with a legend. X is the date (whole days), bars run from the start of the
    /// first day to the end of the last. No rows, or no date anywhere, gives a small picture with the title and
    /// <see cref="TimelineChartData.NoDataText"/>, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A row ends before it starts, or there are more than 32 rows.</exception>
    public static byte[] Render(TimelineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Rows);
        var dates = AllDates(data.Rows).ToList();
        if (dates.Count == 0)
        {
            return ChartStyle.NoData(data.Title, data.NoDataText);
        }

        var plot = ChartStyle.NewPlot(data.Title);
        var (from, to) = Range(dates, data.Today);

        // About 4 px: a one-day measure on a plan over years would otherwise vanish.
        var minimumDays = (to - from) / 150;
        var count = data.Rows.Count;
        var labels = new NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            var row = data.Rows[i];
            double y = count - 1 - i;
            labels.AddMajor(y, ChartText.Fit(row.Label, MaxLabelPixels));
            if (row is { Start: { } start, End: { } end })
            {
                var (barStart, barEnd) = Widen(start.DayNumber, end.DayNumber + 1, minimumDays);
                bars.Add(new Bar
                {
                    Position = y,
                    ValueBase = barStart,
                    Value = barEnd,
                    FillColor = StatusColors.For(row.Status),
                    LineWidth = 0,
                    Size = 0.6,
                });
            }

            foreach (var milestone in row.Milestones)
            {
                AddMilestone(plot, milestone, y);
            }
        }

        // Bars first in the list would hide milestones; plottables render in the order they were added.
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.MoveToBack(series);

        AddToday(plot, data);
        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartText.LabelFontSize;
        plot.Axes.Bottom.TickGenerator = MonthTicks.Between(from, to, data.Culture);
        plot.Axes.SetLimitsX(from, to);
        plot.Axes.SetLimitsY(-0.6, count - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        var legend = AddLegend(plot, data);
        return ChartStyle.ToPng(plot, ChartStyle.HeightFor(count, Chrome + (legend ? LegendHeight : 0)));
    }

    private static (double Start, double End) Widen(double start, double end, double minimum)
    {
        var missing = minimum - (end - start);
        return missing > 0 ? (start - (missing / 2), end + (missing / 2)) : (start, end);
    }

    private static void AddMilestone(Plot plot, TimelineMilestone milestone, double y)
    {
        // Noon of the day, so a milestone on the last day sits inside the bar.
        var marker = plot.Add.Marker(milestone.Date.DayNumber + 0.5, y);
        marker.MarkerShape = MarkerShape.FilledDiamond;
        marker.MarkerSize = 12;
        marker.MarkerColor = milestone.Done ? ChartStyle.Text : Colors.White;
        if (!milestone.Done)
        {
            // A filled shape has no outline in ScottPlot: an open diamond on top draws it.
            var outline = plot.Add.Marker(marker.X, y);
            outline.MarkerShape = MarkerShape.OpenDiamond;
            outline.MarkerSize = 12;
            outline.MarkerLineColor = ChartStyle.Text;
            outline.MarkerLineWidth = 1.5f;
        }
    }

    private static void AddToday(Plot plot, TimelineChartData data)
    {
        var today = plot.Add.VerticalLine(data.Today.DayNumber + 0.5, 1.5f, TodayColor, LinePattern.Dashed);
        today.Text = data.TodayText;
        today.LabelOppositeAxis = true;
        today.LabelFontSize = 11;
        today.LabelBackgroundColor = TodayColor;
        today.LabelFontColor = Colors.White;
    }

    private static bool AddLegend(Plot plot, TimelineChartData data)
    {
        var shown = data.Rows.Select(r => r.Status).Distinct().Order()
            .Where(data.StatusNames.ContainsKey).ToList();
        if (shown.Count == 0)
        {
            return false;
        }

        foreach (var status in shown)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = data.StatusNames[status],
                FillColor = StatusColors.For(status),
            });
        }

        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineColor = ChartStyle.Grid;
        plot.ShowLegend(Edge.Bottom);
        return true;
    }

    /// <summary>From a little before the earliest date to a little after the latest, today included, at least a month.</summary>
    private static (double From, double To) Range(List<DateOnly> dates, DateOnly today)
    {
        var first = Math.Min(dates.Min().DayNumber, today.DayNumber);
        var last = Math.Max(dates.Max().DayNumber, today.DayNumber) + 1;
        var span = Math.Max(last - first, 30);
        var pad = Math.Max(span * 0.03, 2);
        return (first - pad, first + span + pad);
    }

    private static IEnumerable<DateOnly> AllDates(IReadOnlyList<TimelineRow> rows) =>
        rows.SelectMany(r => new[] { r.Start, r.End }.OfType<DateOnly>().Concat(r.Milestones.Select(m => m.Date)));

    private static void Validate(IReadOnlyList<TimelineRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ChartStyle.CheckRows(rows.Count, nameof(TimelineChartData.Rows));
        foreach (var row in rows)
        {
            if (row is { Start: { } start, End: { } end } && end < start)
            {
                throw new ArgumentException($"Row \"{row.Label}\" ends before it starts.", nameof(rows));
            }
        }
    }
}
