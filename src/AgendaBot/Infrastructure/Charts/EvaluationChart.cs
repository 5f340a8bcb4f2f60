using System.Globalization;
using AgendaBot.Domain.Measures;
using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>One bar of the evaluation: a standing, its name, how many measures and their share in per cent.</summary>
public sealed record EvaluationBar(PlanStanding Standing, string Label, int Count, int Share);

/// <summary>What the evaluation picture shows, in the reader's words and number format.</summary>
public sealed record EvaluationChartData(string Title, IReadOnlyList<EvaluationBar> Bars, CultureInfo Culture);

/// <summary>
/// The agenda's evaluation at a glance, made for a Teams card: one bar per standing (on schedule, behind, done,
/// dropped) on a scale of 0–100 %, its name above it and "5 · 50 %" at its end. The colours are the status colours
/// of the timeline, so the two pictures agree; dropped is an outline, as there.
/// </summary>
public static class EvaluationChart
{
    private const float LabelLine = 18;
    private const float BarHeight = 16;
    private const float RowGap = 10;
    private const float ValueRoom = 80;

    public static byte[] Render(EvaluationChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var labelFont = ChartCanvas.Font(ChartStyle.LabelSize);
        using var valueFont = ChartCanvas.Font(ChartStyle.LabelSize, bold: true);
        using var titleFont = ChartCanvas.Font(ChartStyle.TitleSize, bold: true);
        const float content = ChartStyle.Width - (2 * ChartStyle.Margin);
        var titleLines = ChartText.Wrap(data.Title, content, titleFont, maxLines: 2).Count;
        var height = (int)Math.Ceiling(ChartStyle.Margin + (titleLines * 20) + 10 + (data.Bars.Count * (LabelLine + BarHeight + RowGap)) + ChartStyle.Margin);

        using var chart = ChartCanvas.Create(height);
        var y = ChartStyle.Title(chart, data.Title) + 10;
        const float barWidth = content - ValueRoom;
        foreach (var bar in data.Bars)
        {
            y = chart.Lines([bar.Label], ChartStyle.Margin, y, labelFont, ChartStyle.Text, LabelLine);
            var width = Math.Max(2, barWidth * bar.Share / 100f);
            var rect = SKRect.Create(ChartStyle.Margin, y, width, BarHeight);
            var color = ColorOf(bar.Standing);
            if (bar.Standing == PlanStanding.Dropped)
            {
                using var outline = ChartCanvas.Stroke(color, 2);
                rect.Inflate(-1, -1);
                chart.Canvas.DrawRect(rect, outline);
            }
            else
            {
                using var fill = ChartCanvas.Fill(color);
                chart.Canvas.DrawRect(rect, fill);
            }

            using var text = ChartCanvas.Fill(ChartStyle.Text);
            var value = $"{bar.Count.ToString(data.Culture)} · {bar.Share.ToString(data.Culture)} %";
            chart.Canvas.DrawText(value, ChartStyle.Margin + width + 6, y + (BarHeight / 2) - (valueFont.Metrics.Ascent / 2) - (valueFont.Metrics.Descent / 2),
                SKTextAlign.Left, valueFont, text);
            y += BarHeight + RowGap;
        }

        return chart.ToPng();
    }

    public static SKColor ColorOf(PlanStanding standing) => standing switch
    {
        PlanStanding.Late => StatusColors.For(MeasureStatus.Delayed),
        PlanStanding.Done => StatusColors.For(MeasureStatus.Done),
        PlanStanding.Dropped => StatusColors.For(MeasureStatus.Dropped),
        _ => StatusColors.For(MeasureStatus.InProgress),
    };
}
