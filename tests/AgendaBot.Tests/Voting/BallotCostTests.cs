using AgendaBot.Tests.Telemetry;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// Storage round-trips are what a ballot costs under load (docs/performance.md): these pin how many one takes, counted
/// as the Azure SDK's HTTP spans in the trace of the ballot's activity, so a regression shows up as a failing test.
/// </summary>
public sealed class BallotCostTests
{
    // The conversation check and the workshop's rows (one query), the agenda, the ballot write, the round and turnout
    // after the write (one query). It was 8 for a first ballot and 9 for a change before these were combined.
    private const int StorageCallsPerBallot = 4;

    [Fact]
    public async Task A_first_ballot_costs_at_most_4_storage_calls()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);

        var mine = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 5), activityId: "ballot-first");

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(mine["value"]));
        Assert.Contains("1 von 4 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.InRange(StorageCalls(captured, "ballot-first"), 1, StorageCallsPerBallot);
    }

    [Fact]
    public async Task A_changed_ballot_costs_at_most_4_storage_calls()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);
        await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 1));

        var changed = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 4), activityId: "ballot-changed");

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(changed["value"]));
        Assert.Contains("1 von 4 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.InRange(StorageCalls(captured, "ballot-changed"), 1, StorageCallsPerBallot);
    }

    private static System.Text.Json.Nodes.JsonObject StarsData(string workshop, string round, int stars) =>
        new() { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = $"{stars}" };

    private static int StorageCalls(CapturedTelemetry captured, string activityId) =>
        captured.TraceOf(activityId).Count(s => s.Source.Name == "Azure.Core.Http");
}
