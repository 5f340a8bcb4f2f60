using ScottPlot;
using ScottPlot.TickGenerators;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>The ranking of a voting round as horizontal bars, for the results post.</summary>
public static class ResultsChart
{
    // Title above, value ticks and the axis label below.
    private const int Chrome = 96;

    // The label column: leaves more than half of the 800 px for the bars.
    private const float MaxLabelPixels = 300;

    /// <summary>
    /// A PNG 800 px wide and 96 + 28 px per bar high. An empty ranking gives a small picture with the title and
    /// <see cref="ResultsChartData.NoDataText"/>, never an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A value or spread is not a finite number, a spread is negative, or there are
    /// more than 32 bars.</exception>
    public static byte[] Render(ResultsChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(data.Bars);
        if (data.Bars.Count == 0)
        {
            return ChartStyle.NoData(data.Title, data.NoDataText);
        }

        var plot = ChartStyle.NewPlot(data.Title);
        var count = data.Bars.Count;
        var bars = data.Bars.Select((item, index) => new Bar
        {
            // The first-ranked bar on top: y counts upwards.
            Position = count - 1 - index,
            Value = item.Value,
            Error = item.Spread ?? 0,
            FillColor = ChartStyle.Accent,
            // ScottPlot draws the error bar with the bar's outline: a darker blue reads as one shape with the bar.
            LineWidth = 1.5f,
            LineColor = ChartStyle.AccentDark,
            Size = 0.7,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        for (var i = 0; i < count; i++)
        {
            AddValueLabel(plot, data.Bars[i], count - 1 - i, data);
        }

        var labels = new NumericManual();
        for (var i = 0; i < count; i++)
        {
            labels.AddMajor(count - 1 - i, ChartText.Fit(data.Bars[i].Label, MaxLabelPixels));
        }

        plot.Axes.Left.TickGenerator = labels;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = ChartText.LabelFontSize;
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            MinimumTickSpacing = 40,
            // The axis runs a little past the scale to make room for the value labels; no tick label out there.
            LabelFormatter = value => value > (data.ScaleMax ?? double.MaxValue) ? string.Empty : value.ToString("0.##", data.Culture),
        };
        plot.XLabel(data.ValueAxisLabel, size: 13);
        plot.Axes.SetLimitsY(-0.6, count - 0.4);
        plot.Axes.SetLimitsX(Math.Min(0, data.Bars.Min(b => b.Value - (b.Spread ?? 0))), ScaleEnd(data));
        plot.Grid.YAxisStyle.IsVisible = false;
        return ChartStyle.ToPng(plot, ChartStyle.HeightFor(count, Chrome));
    }

    // Right of the bar and its error bar, so neither hides the number.
    private static void AddValueLabel(Plot plot, RankedBar bar, double position, ResultsChartData data)
    {
        var text = plot.Add.Text(bar.Value.ToString("0.##", data.Culture), Math.Max(bar.Value, 0) + (bar.Spread ?? 0), position);
        text.Alignment = Alignment.MiddleLeft;
        text.OffsetX = 5;
        text.LabelFontSize = 12;
        text.LabelFontColor = ChartStyle.Text;
    }

    // Room to the right of the longest bar for its value label.
    private static double ScaleEnd(ResultsChartData data)
    {
        var largest = data.Bars.Max(b => b.Value + (b.Spread ?? 0));
        var end = data.ScaleMax is { } max && max >= largest ? max : largest;
        return end <= 0 ? 1 : end * 1.1;
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
}
