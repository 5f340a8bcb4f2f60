using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Tests;

public sealed class PublishedLiveStatusTests
{
    private static readonly DateTimeOffset Published = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Measure M(string title, MeasureStatus status, int progress, DateTimeOffset updated) => new()
    {
        Id = title, AgendaId = "a", Title = title, Status = status, Progress = progress, UpdatedAt = updated,
        Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31),
    };

    private static PublishedAgenda Version(params Measure[] measures)
    {
        var agenda = Agenda.Create("a", "Digitale Agenda", new TeamsUser("lead", "Petra"), ["Verwaltung"], null, null, Published);
        return PublishedAgenda.Of(agenda, measures, Published, AgendaEvaluation.Evaluate(measures, [], 0, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void The_live_status_takes_each_measures_state_from_now_and_keeps_the_plan_as_published()
    {
        var version = Version(M("Terminvergabe", MeasureStatus.Planned, 0, Published), M("WLAN", MeasureStatus.Planned, 0, Published));
        var saved = Published.AddDays(30);

        var live = version.WithLiveStatus([M("Terminvergabe", MeasureStatus.Done, 100, saved) with { End = new DateOnly(2030, 1, 1) }], Now,
            new DateOnly(2027, 6, 1));

        Assert.Equal((MeasureStatus.Done, 100, saved, new DateOnly(2027, 12, 31)), (live.Measures[0].Status, live.Measures[0].Progress,
            live.Measures[0].UpdatedAt, live.Measures[0].End!.Value));
        // Gone from the agenda since: shown as published.
        Assert.Equal((MeasureStatus.Planned, 0), (live.Measures[1].Status, live.Measures[1].Progress));
        Assert.Equal((Now, 1), (live.LiveAt!.Value, live.Standing!.Done));
        Assert.Equal(version.Fingerprint(), version.WithLiveStatus([], Now, new DateOnly(2027, 6, 1)).Fingerprint());
    }

    [Fact]
    public void A_measure_whose_state_changed_since_publishing_is_news_dated_by_its_last_update()
    {
        var version = Version(M("Terminvergabe", MeasureStatus.Planned, 0, Published), M("WLAN", MeasureStatus.Planned, 0, Published));
        var saved = Published.AddDays(30);
        var live = version.WithLiveStatus([M("Terminvergabe", MeasureStatus.InProgress, 40, saved), M("WLAN", MeasureStatus.Planned, 0, saved)], Now,
            new DateOnly(2027, 6, 1));

        var news = Assert.Single(PublicationNews.Live(version, live));

        Assert.Equal((saved, 1, MeasureStatus.InProgress, 40), (news.At, news.MeasureNumber!.Value, news.Status!.Value, news.Progress!.Value));
    }

    [Fact]
    public void An_owner_is_named_only_while_they_agree_otherwise_the_unit()
    {
        var anna = new TeamsUser("aad-anna", "Anna Schulz");
        var measure = M("Terminvergabe", MeasureStatus.Planned, 0, Published) with { Owner = anna, ResponsibleUnit = "Bürgeramt" };
        var version = Version(measure);

        Assert.Equal("Bürgeramt", version.Measures[0].Responsible);
        Assert.Equal("Anna Schulz", version.WithResponsible([measure], new HashSet<string> { "aad-anna" }).Measures[0].Responsible);
        Assert.Equal("Bürgeramt", version.WithResponsible([measure], new HashSet<string>()).Measures[0].Responsible);
        Assert.Null(version.WithResponsible([measure with { ResponsibleUnit = null }], new HashSet<string>()).Measures[0].Responsible);
    }
}
