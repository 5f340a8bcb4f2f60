using AgendaBot.Tests.Delivery;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// Many ballots at once must not mean an update of the shared ballot message per ballot (Teams throttles a
/// conversation at about seven messages a second): the first one updates it, the rest leave one update a second later.
/// </summary>
public sealed class SharedBallotCardTests
{
    [Fact]
    public async Task Ballots_in_quick_succession_update_the_shared_card_once_now_and_once_a_second_later()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var room = await WorkshopRoom.OpenAsync(time: clock);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);

        await StarsAsync(room, Anna, workshop, round, (1, 5));
        var klaus = await StarsAsync(room, Klaus, workshop, round, (1, 3));
        var sabine = await StarsAsync(room, Sabine, workshop, round, (2, 4));

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(klaus["value"]));
        Assert.Contains("Ihre Stimme ist gezählt.", Texts(sabine["value"]));
        Assert.Single(BallotUpdates(room));
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(BallotCard(room)));

        clock.Advance(TimeSpan.FromSeconds(1));

        await Eventually.ReturnsAsync(() => Task.FromResult(Texts(BallotCard(room)).ToList()), texts => texts.Contains("3 von 3 haben abgestimmt."));
        Assert.Equal(2, BallotUpdates(room).Count);
    }

    [Fact]
    public async Task A_ballot_after_a_quiet_second_updates_the_shared_card_before_the_voter_is_answered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var room = await WorkshopRoom.OpenAsync(time: clock);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 5));
        clock.Advance(TimeSpan.FromSeconds(5));

        var klaus = await StarsAsync(room, Klaus, workshop, round, (1, 3));

        Assert.Contains("2 von 3 haben abgestimmt.", Texts(klaus["value"]));
        Assert.Contains("2 von 3 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.Equal(2, BallotUpdates(room).Count);
    }

    private static List<AgendaBot.Testing.ConnectorCall> BallotUpdates(WorkshopRoom room) =>
        [.. room.Connector.Calls.Where(c => c.Method == "PUT" && c.Card?["actions"]?[0]?["verb"]?.GetValue<string>() == "vote.cast")];
}
