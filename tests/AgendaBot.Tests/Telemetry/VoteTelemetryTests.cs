using AgendaBot.Tests.Voting;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Telemetry;

public sealed class VoteTelemetryTests
{
    private const string Votes = "agendabot.votes";

    [Fact]
    public async Task Ballot_counts_a_vote()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        using var measurements = new BotMeasurements(room.Bot.Services);
        var workshop = await VotingRoom.PrepareAsync(room);
        var round = await VotingRoom.StartAsync(room, workshop);

        await VotingRoom.StarsAsync(room, Anna, workshop, round, (1, 5), (2, 3));

        Assert.Equal(1, measurements.Sum(Votes, ("agendabot.outcome", "counted")));
        Assert.Equal(1, measurements.Sum(Votes));
    }

    [Fact]
    public async Task Changed_ballot_is_counted_as_changed_not_as_a_second_vote()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        using var measurements = new BotMeasurements(room.Bot.Services);
        var workshop = await VotingRoom.PrepareAsync(room);
        var round = await VotingRoom.StartAsync(room, workshop);

        await VotingRoom.StarsAsync(room, Anna, workshop, round, (1, 5));
        await VotingRoom.StarsAsync(room, Anna, workshop, round, (1, 2));

        Assert.Equal(1, measurements.Sum(Votes, ("agendabot.outcome", "counted")));
        Assert.Equal(1, measurements.Sum(Votes, ("agendabot.outcome", "changed")));
    }
}
