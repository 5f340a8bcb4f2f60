using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// The ranking of a voting round for the results post, made for a Teams card: each item's name in full above its bar
/// (wrapped, not cut), the value at the end of the bar, a scale below.
/// </summary>
public static class ResultsChart
{
    /// <summary>Rows one chart draws at most; callers show the top of a longer list and say so in the card.</summary>
    public const int MaxRows = ChartStyle.MaxRows;

    private const float LabelLine = 17;
    private const float BarHeight = 14;
    private const float RowGap = 10;
    private const float ValueRoom = 44;

    /// <summary>
    /// A PNG laid out 450 units wide (the width Teams shows it at), drawn at two pixels per unit. An empty ranking gives
    /// a small picture with the title and <see cref="ResultsChartData.NoDataText"/>, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A value or spread is not a finite number, a spread is negative, or there are
    /// more than <see cref="ChartStyle.MaxRows"/> bars.</exception>
    public static byte[] Render(ResultsChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Bars);
        if (data.Bars.Count == 0)
        {
            return ChartStyle.NoData(data.Title, data.NoDataText);
        }

        using var labelFont = ChartCanvas.Font(ChartStyle.LabelSize);
        using var valueFont = ChartCanvas.Font(ChartStyle.LabelSize, bold: true);
        using var smallFont = ChartCanvas.Font(ChartStyle.SmallSize);
        using var titleFont = ChartCanvas.Font(ChartStyle.TitleSize, bold: true);
        const float content = ChartStyle.Width - (2 * ChartStyle.Margin);
        var labels = data.Bars.Select(b => ChartText.Wrap(b.Label, content, labelFont, maxLines: 3)).ToList();
        var titleLines = ChartText.Wrap(data.Title, content, titleFont, maxLines: 2).Count;
        var rowsHeight = labels.Sum(l => (l.Count * LabelLine) + BarHeight + RowGap);
        var height = (int)Math.Ceiling(ChartStyle.Margin + (titleLines * 20) + 4 + 22 + rowsHeight + 40);

        using var chart = ChartCanvas.Create(height);
        var top = ChartStyle.Title(chart, data.Title);
        var scale = new ValueScale(ScaleEnd(data), ChartStyle.Margin, content - ValueRoom);
        var rowsTop = top + 22;
        var rowsBottom = rowsTop + rowsHeight - RowGap;
        DrawGrid(chart, scale, data, rowsTop - 6, rowsBottom + 6, smallFont);
        chart.Lines([data.ValueAxisLabel], ChartStyle.Margin, top, smallFont, ChartStyle.Subtle, 18);

        // One number format for the whole chart: "2,8" beside "4,4", not "2,75"; whole points stay whole.
        var format = data.Bars.All(b => b.Value == Math.Round(b.Value)) ? "0" : "0.0";
        var y = rowsTop;
        for (var i = 0; i < data.Bars.Count; i++)
        {
            y = chart.Lines(labels[i], ChartStyle.Margin, y, labelFont, ChartStyle.Text, LabelLine);
            DrawBar(chart, data.Bars[i], scale, y, valueFont, data.Bars[i].Value.ToString(format, data.Culture));
            y += BarHeight + RowGap;
        }

        return chart.ToPng();
    }

    private static void DrawBar(ChartCanvas chart, RankedBar bar, ValueScale scale, float top, SKFont valueFont, string value)
    {
        var middle = top + (BarHeight / 2);
        var (from, to) = (scale.X(Math.Min(0, bar.Value)), scale.X(Math.Max(0, bar.Value)));
        using (var fill = ChartCanvas.Fill(ChartStyle.Accent))
        {
            // At least 2 units, so a value of 0 still shows where the bar is.
            chart.Canvas.DrawRect(SKRect.Create(from, top, Math.Max(to - from, 2), BarHeight), fill);
        }

        var end = to;
        if (bar.Spread is > 0 and var spread)
        {
            // The spread as a whisker through the bar's middle: how much the voters agreed.
            var (left, right) = (scale.X(bar.Value - spread), scale.X(bar.Value + spread));
            using var line = ChartCanvas.Stroke(ChartStyle.AccentDark, 1.5f);
            chart.Canvas.DrawLine(left, middle, right, middle, line);
            chart.Canvas.DrawLine(left, middle - 4, left, middle + 4, line);
            chart.Canvas.DrawLine(right, middle - 4, right, middle + 4, line);
            end = Math.Max(end, right);
        }

        using var text = ChartCanvas.Fill(ChartStyle.Text);
        chart.Canvas.DrawText(value, end + 6, middle - (valueFont.Metrics.Ascent / 2) - (valueFont.Metrics.Descent / 2),
            SKTextAlign.Left, valueFont, text);
    }

    // Faint vertical lines at whole steps of the scale, their numbers below the rows.
    private static void DrawGrid(ChartCanvas chart, ValueScale scale, ResultsChartData data, float top, float bottom, SKFont font)
    {
        var step = scale.End <= 6 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(scale.End / 2)));
        if (scale.End / step > 8)
        {
            step *= scale.End / step > 20 ? 5 : 2;
        }

        using var grid = ChartCanvas.Stroke(ChartStyle.Grid, 1);
        using var text = ChartCanvas.Fill(ChartStyle.Subtle);
        for (var value = 0.0; value <= (data.ScaleMax ?? scale.End) + 1e-9; value += step)
        {
            var x = scale.X(value);
            chart.Canvas.DrawLine(x, top, x, bottom, grid);
            chart.Canvas.DrawText(value.ToString("0.##", data.Culture), x, bottom + 16, SKTextAlign.Center, font, text);
        }
    }

    private static double ScaleEnd(ResultsChartData data)
    {
        var largest = data.Bars.Max(b => b.Value + (b.Spread ?? 0));
        var end = data.ScaleMax is { } max && max >= largest ? max : largest;
        return end <= 0 ? 1 : end;
    }

    private static void Validate(IReadOnlyList<RankedBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ChartStyle.CheckRows(bars.Count, nameof(ResultsChartData.Bars));
        foreach (var bar in bars)
        {
            if (!double.IsFinite(bar.Value) || bar.Spread is { } spread && (!double.IsFinite(spread) || spread < 0))
            {
                throw new ArgumentException($"Bar \"{bar.Label}\" has no finite value or a negative spread.", nameof(bars));
            }
        }
    }

    /// <summary>Values from 0 to <see cref="End"/> onto <see cref="Width"/> units from <see cref="Left"/>.</summary>
    private sealed record ValueScale(double End, float Left, float Width)
    {
        public float X(double value) => Left + (float)(Math.Clamp(value, 0, End) / End * Width);
    }
}
