using AgendaBot.Features.Voting;
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
    // The workshop's rows (one query), the ballot write, the round after the write. It was 8 for a first ballot and 9
    // for a change before these were combined, 4 before the agenda read was skipped for people who may vote anyway.
    // The shared card's turnout update (at most one a second per round, whatever the number of ballots) is not counted.
    // A voter's later ballots on the same instance are one transaction (KnownVoters). A secret ballot costs the same:
    // the round's sums and the voter's "voted" row come with the workshop's rows, and the ballot is one transaction of
    // "voted" row, sums (at the version read) and open marker — one more read and write for each other voter's ballot
    // that changed the sums in between.
    private const int StorageCallsPerBallot = 2;

    [Fact]
    public async Task A_first_ballot_costs_at_most_2_storage_calls_besides_the_shared_card_update()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);

        var mine = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 5), activityId: "ballot-first");

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(mine["value"]));
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.InRange(StorageCalls(captured, "ballot-first"), 1, StorageCallsPerBallot);
    }

    [Fact]
    public async Task A_first_secret_ballot_costs_at_most_2_storage_calls_besides_the_shared_card_update()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop, anonymous: "true");

        var mine = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 5), activityId: "secret-first");

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(mine["value"]));
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.InRange(StorageCalls(captured, "secret-first"), 1, StorageCallsPerBallot);
    }

    [Fact]
    public async Task A_changed_ballot_costs_1_storage_call_besides_the_shared_card_update()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var round = await StartAsync(room, workshop);
        await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 1));

        var changed = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, round, 4), activityId: "ballot-changed");

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(changed["value"]));
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(BallotCard(room)));
        // The voter was checked by their first ballot: one transaction re-checks round and registration (KnownVoterTests).
        Assert.Equal(1, StorageCalls(captured, "ballot-changed"));
    }

    [Fact]
    public async Task In_a_new_round_the_first_ballot_of_a_voter_who_voted_before_costs_1_storage_call()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        var workshop = await PrepareAsync(room);
        var first = await StartAsync(room, workshop);
        await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, first, 2));
        var next = await StartAsync(room, workshop);
        await room.ClickAsync(Klaus, "vote.cast", StarsData(workshop, next, 3));

        var mine = await room.ClickAsync(Anna, "vote.cast", StarsData(workshop, next, 5), activityId: "ballot-next-round");

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(mine["value"]));
        // Her registration was checked in the first round, the round by Klaus's ballot: one transaction re-checks both.
        Assert.Equal(1, StorageCalls(captured, "ballot-next-round"));
    }

    private static System.Text.Json.Nodes.JsonObject StarsData(string workshop, string round, int stars) =>
        new() { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = $"{stars}" };

    private static int StorageCalls(CapturedTelemetry captured, string activityId)
    {
        var trace = captured.TraceOf(activityId);
        var parents = trace.ToDictionary(s => s.SpanId, s => s.ParentSpanId);
        var names = trace.ToDictionary(s => s.SpanId, s => s.DisplayName);
        bool InCardUpdate(System.Diagnostics.ActivitySpanId span) =>
            names.GetValueOrDefault(span) == SharedBallotCard.UpdateSpanName || (parents.TryGetValue(span, out var parent) && InCardUpdate(parent));
        return trace.Count(s => s.Source.Name == "Azure.Core.Http" && !InCardUpdate(s.SpanId));
    }
}
