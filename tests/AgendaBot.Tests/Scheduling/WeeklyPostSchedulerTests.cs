using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Scheduling;
using AgendaBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgendaBot.Tests.Scheduling;

/// <summary>The weekly post on a fake clock: produced at Monday 08:00 Berlin time, once per week, by one instance only.</summary>
public sealed class WeeklyPostSchedulerTests : IAsyncLifetime
{
    private const string AgendaId = "agenda-hagenow";
    private DeliveryBot bot = null!;

    public async Task InitializeAsync()
    {
        bot = await DeliveryBot.StartAsync();
        await bot.InstallInAsync();
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [InlineData("2026-03-14T12:00:00Z", "2026-03-16T07:00:00Z", "2026-03-23T07:00:00Z", "2026-03-30T06:00:00Z", "2026-04-06T06:00:00Z")]
    [InlineData("2026-10-10T12:00:00Z", "2026-10-12T06:00:00Z", "2026-10-19T06:00:00Z", "2026-10-26T07:00:00Z", "2026-11-02T07:00:00Z")]
    public async Task Across_a_daylight_saving_change_the_scheduler_wakes_at_eight_Berlin_time_every_Monday_once(string start, params string[] expected)
    {
        var clock = new SteppedClock(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        await CreateAgendaAsync(clock.GetUtcNow().AddDays(-30));
        var report = new RecordingReport(clock);
        var scheduler = Scheduler(clock, report, new WeeklyPostOptions { RescanInterval = TimeSpan.FromDays(1) });

        await scheduler.StartAsync(CancellationToken.None);
        while (clock.GetUtcNow() < DateTimeOffset.Parse(expected[^1], System.Globalization.CultureInfo.InvariantCulture).AddDays(2))
        {
            await clock.StepAsync();
        }

        await scheduler.StopAsync(CancellationToken.None);
        var produced = report.Produced.ToList();
        var expectedTimes = expected.Select(e => DateTimeOffset.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expectedTimes, produced.Select(p => p.At));
        Assert.Equal(expectedTimes, produced.Select(p => p.Occurrence.Due));
        Assert.Equal(expected.Length, produced.Select(p => p.Occurrence.IsoWeek).Distinct().Count());
        Assert.Equal(expected.Length, (await bot.Teams.WaitForCallsAsync(expected.Length)).Count);
    }

    [Fact]
    public async Task Two_instances_racing_for_the_same_week_produce_one_post()
    {
        var monday = new SteppedClock(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await CreateAgendaAsync(monday.GetUtcNow().AddDays(-30));
        // The instance that claims the week stays in its report until the other has finished its pass: they overlap.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (firstReport, secondReport) = (new RecordingReport(monday, heldUntil: release.Task), new RecordingReport(monday, heldUntil: release.Task));

        Task[] passes =
        [
            Scheduler(monday, firstReport).RunDueAsync(monday.GetUtcNow(), CancellationToken.None),
            Scheduler(monday, secondReport).RunDueAsync(monday.GetUtcNow(), CancellationToken.None),
        ];
        var onePassDone = Task.WhenAny(passes);
        var overlapped = await Task.WhenAny(onePassDone, Task.Delay(TimeSpan.FromSeconds(30))) == onePassDone;
        release.SetResult();
        await Task.WhenAll(passes);

        Assert.True(overlapped, "Neither pass finished while the other was in its report: both went on to produce the week.");
        Assert.Equal(1, firstReport.Produced.Count + secondReport.Produced.Count);
        var post = Assert.Single(await bot.Teams.WaitForCallsAsync(1));
        Assert.Equal("Wochenstatus 2026-W10", post.Text);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task A_post_missed_while_no_instance_ran_is_produced_later_that_morning_but_not_the_next_day()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        await CreateAgendaAsync(monday.AddDays(-30));
        var report = new RecordingReport(TimeProvider.System);

        await Scheduler(new SteppedClock(monday), report).RunDueAsync(monday.AddHours(3), CancellationToken.None);
        await Scheduler(new SteppedClock(monday), report).RunDueAsync(monday.AddDays(8).AddHours(1), CancellationToken.None);

        Assert.Equal([monday], report.Produced.Select(p => p.Occurrence.Due));
    }

    [Fact]
    public async Task An_agenda_set_up_on_a_Monday_after_eight_gets_its_first_post_a_week_later()
    {
        var mondayNine = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await CreateAgendaAsync(mondayNine);
        var report = new RecordingReport(TimeProvider.System);

        var next = await Scheduler(new SteppedClock(mondayNine), report).RunDueAsync(mondayNine.AddMinutes(5), CancellationToken.None);

        Assert.Empty(report.Produced);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task A_week_whose_report_failed_is_produced_again_once_its_lease_is_stale()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
        await CreateAgendaAsync(monday.AddDays(-30));
        var report = new RecordingReport(TimeProvider.System, failFirst: 1);
        var scheduler = Scheduler(new SteppedClock(monday), report);

        await scheduler.RunDueAsync(monday, CancellationToken.None);
        await scheduler.RunDueAsync(monday.AddMinutes(5), CancellationToken.None);
        Assert.Empty(report.Produced);

        await scheduler.RunDueAsync(monday.AddMinutes(11), CancellationToken.None);
        Assert.Single(report.Produced);
        Assert.Equal("Wochenstatus 2026-W10", Assert.Single(await bot.Teams.WaitForCallsAsync(1)).Text);
    }

    private async Task CreateAgendaAsync(DateTimeOffset createdAt)
    {
        var agenda = Agenda.Create(AgendaId, "Digitale Agenda Hagenow", new TeamsUser("user-lead", "Lena Leitung"), null,
            DeliveryBot.Channel, null, createdAt);
        await bot.Get<AgendaRepository>().CreateAsync(bot.Tenant, agenda);
        await bot.Get<AgendaIndex>().AddAsync(bot.Tenant, AgendaId);
    }

    // What the host would run, on the test's clock and report.
    private WeeklyPostScheduler Scheduler(TimeProvider time, IWeeklyReport report, WeeklyPostOptions? options = null) =>
        ActivatorUtilities.CreateInstance<WeeklyPostScheduler>(bot.Bot.Services, time, report, Options.Create(options ?? new WeeklyPostOptions()));
}
