using AgendaBot.Domain.Measures;
using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// The measures plan as a timeline for the plan post, made for a Teams card: each measure's name in full above its bar
/// (wrapped, not cut), the bar in its status colour, milestones as diamonds, today as a dashed line, months below.
/// </summary>
public static class TimelineChart
{
    /// <summary>Rows one chart draws at most; callers show the top of a longer list and say so in the card.</summary>
    public const int MaxRows = ChartStyle.MaxRows;

    private const float LabelLine = 17;
    private const float BarHeight = 12;
    private const float RowGap = 10;
    private const float LegendLine = 18;

    private static readonly SKColor TodayColor = SKColor.Parse("#C4314B");

    /// <summary>
    /// A PNG laid out 450 units wide (the width Teams shows it at), drawn at two pixels per unit. X is the date (whole
    /// days): bars run from the start of the first day to the end of the last. No rows, or no date anywhere, gives a
    /// small picture with the title and <see cref="TimelineChartData.NoDataText"/>, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A row ends before it starts, or there are more than <see cref="ChartStyle.MaxRows"/> rows.</exception>
    public static byte[] Render(TimelineChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Rows);
        var dates = AllDates(data.Rows).ToList();
        if (dates.Count == 0)
        {
            return ChartStyle.NoData(data.Title, data.NoDataText);
        }

        using var labelFont = ChartCanvas.Font(ChartStyle.LabelSize);
        using var smallFont = ChartCanvas.Font(ChartStyle.SmallSize);
        using var titleFont = ChartCanvas.Font(ChartStyle.TitleSize, bold: true);
        const float content = ChartStyle.Width - (2 * ChartStyle.Margin);
        var labels = data.Rows.Select(r => ChartText.Wrap(r.Label, content, labelFont, maxLines: 2)).ToList();
        var legend = Legend(data, smallFont, content);
        var titleLines = ChartText.Wrap(data.Title, content, titleFont, maxLines: 2).Count;
        var rowsHeight = labels.Sum(l => (l.Count * LabelLine) + BarHeight + RowGap);
        const float todayLabel = 22;
        var height = (int)Math.Ceiling(ChartStyle.Margin + (titleLines * 20) + 4 + (legend.Lines * LegendLine) + 6 + todayLabel + rowsHeight + 34);

        using var chart = ChartCanvas.Create(height);
        var top = ChartStyle.Title(chart, data.Title);
        DrawLegend(chart, legend.Items, top, smallFont);
        var rowsTop = top + (legend.Lines * LegendLine) + 6 + todayLabel;
        var rowsBottom = rowsTop + rowsHeight - RowGap;
        var (from, to) = Range(dates, data.Today);
        var time = new TimeScale(from, to, ChartStyle.Margin, content);
        DrawMonths(chart, time, data, rowsTop - 4, rowsBottom + 4, smallFont);
        // Behind the rows: names and bars stay readable where the line crosses them.
        DrawToday(chart, time, data, rowsTop - todayLabel, rowsBottom + 4, smallFont);

        var y = rowsTop;
        for (var i = 0; i < data.Rows.Count; i++)
        {
            y = chart.Lines(labels[i], ChartStyle.Margin, y, labelFont, ChartStyle.Text, LabelLine);
            DrawRow(chart, data.Rows[i], time, y);
            y += BarHeight + RowGap;
        }

        return chart.ToPng();
    }

    private static void DrawRow(ChartCanvas chart, TimelineRow row, TimeScale time, float top)
    {
        if (row is { Start: { } start, End: { } end })
        {
            // At least 4 units wide: a one-day measure on a plan over years would otherwise vanish.
            var (left, right) = (time.X(start.DayNumber), time.X(end.DayNumber + 1));
            var rect = SKRect.Create(left, top, Math.Max(right - left, 4), BarHeight);
            DrawStatus(chart, rect, row.Status);
        }

        foreach (var milestone in row.Milestones)
        {
            // Noon of the day, so a milestone on the last day sits inside the bar.
            DrawDiamond(chart, time.X(milestone.Date.DayNumber + 0.5), top + (BarHeight / 2), milestone.Done);
        }
    }

    // Dropped is an outline: told apart from the rest by shape, not only by colour — in the legend too.
    private static void DrawStatus(ChartCanvas chart, SKRect rect, MeasureStatus status)
    {
        if (status == MeasureStatus.Dropped)
        {
            using var outline = ChartCanvas.Stroke(StatusColors.For(status), 1.5f);
            rect.Inflate(-0.75f, -0.75f);
            chart.Canvas.DrawRect(rect, outline);
            return;
        }

        using var fill = ChartCanvas.Fill(StatusColors.For(status));
        chart.Canvas.DrawRect(rect, fill);
    }

    private static void DrawDiamond(ChartCanvas chart, float x, float y, bool done)
    {
        const float r = 6;
        using var path = new SKPath();
        path.MoveTo(x, y - r);
        path.LineTo(x + r, y);
        path.LineTo(x, y + r);
        path.LineTo(x - r, y);
        path.Close();
        using var fill = ChartCanvas.Fill(done ? ChartStyle.Text : SKColors.White);
        using var outline = ChartCanvas.Stroke(ChartStyle.Text, 1.5f);
        chart.Canvas.DrawPath(path, fill);
        chart.Canvas.DrawPath(path, outline);
    }

    private static void DrawMonths(ChartCanvas chart, TimeScale time, TimelineChartData data, float top, float bottom, SKFont font)
    {
        using var grid = ChartCanvas.Stroke(ChartStyle.Grid, 1);
        using var text = ChartCanvas.Fill(ChartStyle.Subtle);
        foreach (var (day, label) in MonthTicks.Between(time.From, time.To, data.Culture))
        {
            var x = time.X(day);
            chart.Canvas.DrawLine(x, top, x, bottom, grid);
            chart.Canvas.DrawText(label, x, bottom + 16, SKTextAlign.Center, font, text);
        }
    }

    private static void DrawToday(ChartCanvas chart, TimeScale time, TimelineChartData data, float top, float bottom, SKFont font)
    {
        var x = time.X(data.Today.DayNumber + 0.5);
        using var line = ChartCanvas.Stroke(TodayColor, 1.5f);
        line.PathEffect = SKPathEffect.CreateDash([5, 4], 0);
        chart.Canvas.DrawLine(x, top + 18, x, bottom, line);

        // The label in a box on top, kept inside the picture near either edge.
        var width = font.MeasureText(data.TodayText) + 10;
        var left = Math.Clamp(x - (width / 2), 0, ChartStyle.Width - width);
        using var box = ChartCanvas.Fill(TodayColor);
        chart.Canvas.DrawRoundRect(SKRect.Create(left, top, width, 18), 3, 3, box);
        chart.Lines([data.TodayText], left + 5, top, font, SKColors.White, 18);
    }

    private static (List<(float X, float Y, string Name, MeasureStatus Status)> Items, int Lines) Legend(TimelineChartData data, SKFont font, float width)
    {
        var items = new List<(float, float, string, MeasureStatus)>();
        var (x, line) = (0f, 0);
        foreach (var status in data.Rows.Select(r => r.Status).Distinct().Order().Where(data.StatusNames.ContainsKey))
        {
            var name = data.StatusNames[status];
            var itemWidth = 16 + font.MeasureText(name) + 14;
            if (x > 0 && x + itemWidth > width)
            {
                (x, line) = (0, line + 1);
            }

            items.Add((ChartStyle.Margin + x, line * LegendLine, name, status));
            x += itemWidth;
        }

        return (items, items.Count == 0 ? 0 : line + 1);
    }

    private static void DrawLegend(ChartCanvas chart, List<(float X, float Y, string Name, MeasureStatus Status)> items, float top, SKFont font)
    {
        foreach (var (x, y, name, status) in items)
        {
            DrawStatus(chart, SKRect.Create(x, top + y + 4, 11, 11), status);
            chart.Lines([name], x + 16, top + y, font, ChartStyle.Text, LegendLine);
        }
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

    /// <summary>Day numbers from <see cref="From"/> to <see cref="To"/> onto <see cref="Width"/> units from <see cref="Left"/>.</summary>
    private sealed record TimeScale(double From, double To, float Left, float Width)
    {
        public float X(double day) => Left + (float)((Math.Clamp(day, From, To) - From) / (To - From) * Width);
    }
}
