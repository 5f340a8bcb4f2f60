using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Infrastructure.Charts;

namespace AgendaBot.Tests.Charts;

public sealed class TimelineChartTests
{
    // The today line (TimelineChart.TodayColor).
    private const string TodayRed = "#C4314B";

    private static readonly DateOnly Today = new(2026, 5, 12);

    private static readonly Dictionary<MeasureStatus, string> German = new()
    {
        [MeasureStatus.Planned] = "geplant",
        [MeasureStatus.InProgress] = "in Arbeit",
        [MeasureStatus.Delayed] = "verzögert",
        [MeasureStatus.Done] = "erledigt",
        [MeasureStatus.Dropped] = "verworfen",
    };

    private static readonly TimelineChartData Plan = new("Maßnahmenplan Digitale Agenda",
    [
        new("Online-Terminvergabe für alle Bürgerbüros und das Standesamt", new(2026, 1, 15), new(2026, 6, 30), MeasureStatus.InProgress)
        {
            Milestones = [new(new(2026, 3, 1), Done: true), new(new(2026, 6, 1))],
        },
        new("WLAN in öffentlichen Gebäuden", new(2025, 11, 1), new(2026, 4, 30), MeasureStatus.Done) { Milestones = [new(new(2026, 4, 30), true)] },
        new("Digitale Sitzungsunterlagen", new(2026, 4, 1), new(2026, 12, 31), MeasureStatus.Delayed),
        new("Mängelmelder-App", new(2026, 7, 1), new(2027, 3, 31), MeasureStatus.Planned) { Milestones = [new(new(2026, 9, 15))] },
        new("Fax abschaffen", new(2026, 2, 1), new(2026, 5, 1), MeasureStatus.Dropped),
        new("Glasfaser Gewerbegebiet (noch ohne Termin)", null, null, MeasureStatus.Planned),
    ], Today)
    { StatusNames = German };

    [Fact]
    public void A_plan_is_drawn_for_the_width_of_a_card_with_a_row_per_measure_and_a_legend()
    {
        var png = TimelineChart.Render(Plan);
        Png.Keep("timeline-de", png);

        var picture = Png.Read(png);
        Assert.Equal(900, picture.Width);
        Assert.InRange(picture.Height, 600, 1024);
        Assert.InRange(png.Length, 1_000, 150_000);
    }

    [Fact]
    public void Each_status_has_its_colour_and_today_its_line()
    {
        var picture = Png.Read(TimelineChart.Render(Plan));

        foreach (var status in Enum.GetValues<MeasureStatus>())
        {
            Assert.True(picture.Count(StatusColors.Hex(status)) > 100, $"{status} is drawn");
        }

        Assert.True(picture.Count(TodayRed) > 100, "the today line and its label are drawn");
    }

    [Fact]
    public void The_same_plan_gives_the_same_bytes()
    {
        Assert.Equal(TimelineChart.Render(Plan), TimelineChart.Render(Plan));
    }

    [Fact]
    public void Without_status_names_there_is_no_legend_and_the_picture_is_lower()
    {
        var png = TimelineChart.Render(Plan with { StatusNames = new Dictionary<MeasureStatus, string>() });

        Assert.True(Png.Read(png).Height < Png.Read(TimelineChart.Render(Plan)).Height);
    }

    [Fact]
    public void English_month_names_and_a_plan_over_several_years()
    {
        var english = Plan with
        {
            Title = "Measures plan",
            TodayText = "today",
            Culture = BotCulture.English,
            StatusNames = new Dictionary<MeasureStatus, string> { [MeasureStatus.Done] = "done", [MeasureStatus.Planned] = "planned" },
            Rows = [.. Plan.Rows, new("Smart City strategy 2030", new(2026, 1, 1), new(2030, 12, 31), MeasureStatus.Planned)],
        };

        var png = TimelineChart.Render(english);
        Png.Keep("timeline-en-years", png);

        Assert.True(Png.Read(png).Height > Png.Read(TimelineChart.Render(Plan)).Height, "one row more");
    }

    [Fact]
    public void A_one_day_measure_and_today_far_after_the_plan_still_draw()
    {
        var png = TimelineChart.Render(new TimelineChartData("Kurz",
            [new("Auftaktveranstaltung", new(2026, 1, 20), new(2026, 1, 20), MeasureStatus.Done)], new(2027, 6, 1)));
        Png.Keep("timeline-one-day", png);

        Assert.True(Png.Read(png).Count(StatusColors.Hex(MeasureStatus.Done)) > 0);
    }

    [Fact]
    public void No_rows_or_no_dates_give_a_small_no_data_picture_rather_than_an_exception()
    {
        var none = TimelineChart.Render(Plan with { Rows = [], NoDataText = "Noch keine Maßnahmen mit Termin." });
        var undated = TimelineChart.Render(Plan with { Rows = [new("Ohne Termin", null, null, MeasureStatus.Planned)] });
        Png.Keep("timeline-no-data", none);

        Assert.InRange(Png.Read(none).Height, 100, 200);
        Assert.InRange(Png.Read(undated).Height, 100, 200);
    }

    [Fact]
    public void A_measure_that_ends_before_it_starts_is_refused()
    {
        var backwards = new TimelineRow("Rückwärts", new(2026, 5, 1), new(2026, 4, 1), MeasureStatus.Planned);

        Assert.Throws<ArgumentException>(() => TimelineChart.Render(Plan with { Rows = [backwards] }));
    }

    [Fact]
    public void Fifteen_rows_with_long_names_and_a_legend_stay_within_1024_px()
    {
        var rows = Enumerable.Range(0, 15)
            .Select(i => new TimelineRow($"Maßnahme {i + 1} mit einem Namen, der so lang ist, dass er auf zwei Zeilen umbricht",
                Today.AddDays(i * 7), Today.AddDays((i * 7) + 60), (MeasureStatus)(i % 5)))
            .ToList();

        var most = Png.Read(TimelineChart.Render(Plan with { Rows = rows }));
        Assert.True(most.Width <= 1024 && most.Height <= 1024, $"{most.Width} × {most.Height}");
        Assert.Throws<ArgumentException>(() => TimelineChart.Render(Plan with { Rows = [.. rows, rows[0]] }));
    }

    [Fact]
    public void Umlauts_in_every_text_do_not_break_the_picture()
    {
        var png = TimelineChart.Render(Plan with
        {
            Title = "Übersicht Maßnahmen – Größere Änderungen",
            TodayText = "Heute (Tag der Überprüfung)",
            Rows = [new("Öffentliche Ämter: Übergabe\nzweite Zeile", new(2026, 3, 3), new(2026, 8, 8), MeasureStatus.InProgress)],
        });

        Assert.True(Png.HasSignature(png));
    }
}
