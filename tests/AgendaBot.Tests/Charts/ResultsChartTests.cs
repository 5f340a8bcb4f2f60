using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Infrastructure.Charts;

namespace AgendaBot.Tests.Charts;

public sealed class ResultsChartTests
{
    // The accent blue of the bars (ChartStyle.Accent).
    private const string BarBlue = "#0F6CBD";

    private static readonly ResultsChartData Ranking = new("Ergebnis: Priorisierung der Ideen", "Mittlere Bewertung (1–5)",
    [
        new("#1 Online-Terminvergabe für alle Bürgerbüros und das Standesamt", 4.4) { Spread = 0.6 },
        new("#2 WLAN in öffentlichen Gebäuden", 3.9) { Spread = 1.1 },
        new("#3 Digitale Sitzungsunterlagen für den Gemeinderat", 3.2) { Spread = 0.9 },
        new("#4 Straßenschäden per App melden", 2.75) { Spread = 1.3 },
        new("#5 Mängelmelder", 1.5) { Spread = 0.4 },
    ])
    { ScaleMax = 5 };

    [Fact]
    public void A_ranking_is_drawn_for_the_width_of_a_card_with_twice_the_pixels()
    {
        var png = ResultsChart.Render(Ranking);
        Png.Keep("results-mean-de", png);

        // Teams stretches a card's picture to the card, about 450 px: drawn for that, text keeps its size for people.
        var picture = Png.Read(png);
        Assert.Equal(900, picture.Width);
        Assert.InRange(picture.Height, 500, 1024);
        Assert.InRange(png.Length, 1_000, 150_000);
        Assert.True(picture.Count(BarBlue) > 5 * 1000, "the bars are drawn in the accent blue");
    }

    [Fact]
    public void A_long_name_is_wrapped_onto_more_lines_not_cut()
    {
        const string name = "#1 Online-Terminvergabe für alle Bürgerbüros und das Standesamt";
        var oneLine = Png.Read(ResultsChart.Render(Ranking with { Bars = [new("#1 Kurz", 4)] })).Height;

        var wrapped = Png.Read(ResultsChart.Render(Ranking with { Bars = [new(name, 4)] })).Height;

        Assert.True(wrapped > oneLine, "the long name takes a second line");
        Assert.Equal(name, string.Join(' ', ChartText.Wrap(name, 300, ChartCanvas.Font(ChartStyle.LabelSize), maxLines: 3)));
    }

    [Fact]
    public void The_same_ranking_gives_the_same_bytes_whatever_the_thread_culture()
    {
        var first = ResultsChart.Render(Ranking);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal(first, ResultsChart.Render(Ranking));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Charts_drawn_at_the_same_time_come_out_the_same()
    {
        // Several results posts can be answered at once; fonts and caches are shared by all of them.
        var expected = ResultsChart.Render(Ranking);

        var pictures = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ResultsChart.Render(Ranking))));

        Assert.All(pictures, png => Assert.Equal(expected, png));
    }

    [Fact]
    public void Points_in_english_without_error_bars()
    {
        var points = Ranking with
        {
            Title = "Results: dot voting",
            ValueAxisLabel = "Points",
            Bars = [.. Ranking.Bars.Select((bar, i) => new RankedBar(bar.Label, 20 - (i * 3)))],
            ScaleMax = null,
            Culture = BotCulture.English,
        };

        var png = ResultsChart.Render(points);
        Png.Keep("results-points-en", png);

        Assert.Equal(Png.Read(ResultsChart.Render(Ranking)).Height, Png.Read(png).Height);
        Assert.NotEqual(ResultsChart.Render(Ranking), png);
    }

    [Fact]
    public void Umlauts_long_labels_line_breaks_and_emoji_do_not_break_the_picture()
    {
        var odd = Ranking with
        {
            Bars =
            [
                new("Ärger über Öffnungszeiten – Übergangslösung für Bürgerinnen und Bürger in Groß- und Kleinstädten", 3),
                new("Zeile eins\nZeile zwei\tmit Tab", 2),
                new("Straße 🚲 Radweg ✔", 1),
                new(new string('W', 300), 0.5),
                new("ß", 0),
            ],
        };

        var png = ResultsChart.Render(odd);
        Png.Keep("results-odd-labels", png);

        Assert.Equal(900, Png.Read(png).Width);
    }

    [Fact]
    public void One_bar_fits_in_a_small_picture()
    {
        var png = ResultsChart.Render(Ranking with { Bars = [new("#1 Einzige Idee", 3) { Spread = 0 }] });

        Assert.InRange(Png.Read(png).Height, 150, 300);
    }

    [Fact]
    public void No_bars_give_a_small_no_data_picture_rather_than_an_exception()
    {
        var png = ResultsChart.Render(Ranking with { Bars = [], NoDataText = "Noch keine Stimmen abgegeben." });
        Png.Keep("results-no-data", png);

        var picture = Png.Read(png);
        Assert.Equal(900, picture.Width);
        Assert.InRange(picture.Height, 100, 200);
        Assert.Equal(0, picture.Count(BarBlue));
    }

    [Fact]
    public void Negative_values_are_drawn_left_of_zero()
    {
        var png = ResultsChart.Render(Ranking with { Bars = [new("#1 Dafür", 1.5), new("#2 Dagegen", -1.2) { Spread = 0.5 }] });

        Assert.True(Png.Read(png).Count(BarBlue) > 1000);
    }

    [Theory]
    [InlineData(double.NaN, null)]
    [InlineData(double.PositiveInfinity, null)]
    [InlineData(3.0, -1.0)]
    [InlineData(3.0, double.NaN)]
    public void A_value_that_is_no_number_is_refused(double value, double? spread)
    {
        Assert.Throws<ArgumentException>(() => ResultsChart.Render(Ranking with { Bars = [new("#1 Idee", value) { Spread = spread }] }));
    }

    [Fact]
    public void More_than_15_bars_are_refused_and_15_long_names_stay_within_Teams_1024_px()
    {
        var many = Enumerable.Range(1, 16).Select(i => new RankedBar($"#{i} Eine Idee mit einem recht langen Namen, der umbricht {i}", i)).ToList();

        Assert.Throws<ArgumentException>(() => ResultsChart.Render(Ranking with { Bars = many }));
        var most = Png.Read(ResultsChart.Render(Ranking with { Bars = many[..15] }));
        Assert.True(most.Width <= 1024 && most.Height <= 1024, $"{most.Width} × {most.Height}");
    }
}
