using AgendaBot.Domain.Voting;
using AgendaBot.Features.Voting;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>A round with a deadline ends by itself, once, even across a restart and with two instances.</summary>
public sealed class VotingDeadlineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync(time: clock);
        workshop = await PrepareAsync(room);
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static RoundDeadlineWatcher Watcher(WorkshopRoom bot) =>
        bot.Bot.Services.GetServices<IHostedService>().OfType<RoundDeadlineWatcher>().Single();

    private int ResultPosts() => room.Connector.Calls.Count(c => Texts(c.Card).Any(t => t.StartsWith("Ergebnis:", StringComparison.Ordinal)));

    [Fact]
    public async Task Before_the_deadline_nothing_happens()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Anna, workshop, round, (1, 4));
        clock.Advance(TimeSpan.FromMinutes(29));

        await Watcher(room).CloseDueRoundsAsync(default);

        Assert.Equal(0, ResultPosts());
    }

    [Fact]
    public async Task At_the_deadline_the_round_closes_and_the_results_are_posted_once()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Anna, workshop, round, (1, 4));
        clock.Advance(TimeSpan.FromMinutes(31));

        await Watcher(room).CloseDueRoundsAsync(default);
        await Watcher(room).CloseDueRoundsAsync(default);

        await room.DeliveredAllAsync(clock);
        Assert.Equal(1, ResultPosts());
        Assert.Contains("1 Stimme abgegeben.", Texts(Results(room)));
    }

    [Fact]
    public async Task A_vote_after_the_deadline_is_refused_even_before_the_watcher_ran()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        clock.Advance(TimeSpan.FromMinutes(31));

        var late = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Equal("Diese Abstimmung ist bereits beendet.", late["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_deadline_holds_across_a_restart_of_the_bot()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Klaus, workshop, round, (2, 5));
        await room.Bot.DisposeAsync();
        clock.Advance(TimeSpan.FromHours(2));

        await using var restarted = room.Restarted(clock);
        await Watcher(restarted).CloseDueRoundsAsync(default);

        await restarted.DeliveredAllAsync(clock);
        Assert.Equal(1, ResultPosts());
    }

    [Fact]
    public async Task Two_instances_watching_the_same_deadline_post_the_results_once()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Sabine, workshop, round, (3, 5));
        await using var second = room.Restarted(clock);
        clock.Advance(TimeSpan.FromMinutes(31));

        await Task.WhenAll(Watcher(room).CloseDueRoundsAsync(default), Watcher(second).CloseDueRoundsAsync(default));

        await room.DeliveredAllAsync(clock);
        Assert.Equal(1, ResultPosts());
    }

    [Fact]
    public async Task Round_results_survive_a_restart_after_the_deadline()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Anna, workshop, round, (1, 4));
        // This instance closes the round and then dies before its delivery worker sends anything.
        await room.Bot.Services.GetServices<IHostedService>().OfType<DeliveryWorker>().Single().StopAsync(default);
        clock.Advance(TimeSpan.FromMinutes(31));
        await Watcher(room).CloseDueRoundsAsync(default);
        var closed = await room.Bot.Services.GetRequiredService<VotingRepository>().GetRoundAsync(new TenantScope(room.TenantId), workshop, round);
        Assert.Equal(RoundState.Closed, closed!.Value.State);
        Assert.Equal(0, ResultPosts());
        await room.Bot.DisposeAsync();

        await using var restarted = room.Restarted(clock);
        await restarted.DeliveredAllAsync(clock);
        await Watcher(restarted).CloseDueRoundsAsync(default);
        await restarted.DeliveredAllAsync(clock);

        Assert.Equal(1, ResultPosts());
        Assert.Contains("1 Stimme abgegeben.", Texts(Results(room)));
    }

    [Fact]
    public async Task A_round_left_closing_by_a_crash_is_finished_after_a_restart_and_its_results_posted_once()
    {
        var round = await StartAsync(room, workshop, minutes: "30");
        await StarsAsync(room, Klaus, workshop, round, (2, 5));
        clock.Advance(TimeSpan.FromMinutes(31));
        // The instance that began closing died before counting: the round is stuck in Closing, the deadline still due.
        var voting = room.Bot.Services.GetRequiredService<VotingRepository>();
        var tenant = new TenantScope(room.TenantId);
        var open = (await voting.GetRoundAsync(tenant, workshop, round))!;
        await voting.UpdateRoundAsync(tenant, open with { Value = open.Value.BeginClose(clock.GetUtcNow()) });
        await room.Bot.DisposeAsync();

        await using var restarted = room.Restarted(clock);
        await using var second = room.Restarted(clock);
        await Task.WhenAll(Watcher(restarted).CloseDueRoundsAsync(default), Watcher(second).CloseDueRoundsAsync(default));
        await restarted.DeliveredAllAsync(clock);

        Assert.Equal(1, ResultPosts());
        Assert.Equal(RoundState.Closed, (await voting.GetRoundAsync(tenant, workshop, round))!.Value.State);
    }
}
