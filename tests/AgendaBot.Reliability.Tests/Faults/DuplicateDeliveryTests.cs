using System.Net;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Testing;
using Xunit.Abstractions;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>
/// Teams delivers an activity again when the first answer was slow. Here each activity of a workshop arrives three times
/// at once, at the bot process; each has exactly one effect.
/// Builds on AgendaBot.Tests: The_same_click_twice_counts_once, The_same_click_delivered_twice_is_one_contribution.
/// </summary>
public sealed class DuplicateDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int Copies = 3;
    private FaultRig rig = null!;

    public async Task InitializeAsync() => rig = await FaultRig.StartAsync("dup");

    public async Task DisposeAsync() => await rig.DisposeAsync();

    /// <summary>The same activity (same id), <see cref="Copies"/> times at once; all answered without a server error.</summary>
    private static async Task DeliverThriceAsync(Room room, JsonObject activity)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => room.PostAsync(activity.DeepClone())));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }

    private int Posts(Func<JsonNode?, bool> card) => rig.Connector.Calls.Count(c => c.Method == "POST" && card(c.Card));

    [Fact]
    public async Task Every_activity_of_a_workshop_delivered_three_times_at_once_has_one_effect()
    {
        var room = new Room(rig.Bot.Http, rig.Connector);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        var rows = new WorkshopRows(rig.Tables, room.TenantId, workshop);
        var deliveries = 0;

        await DeliverThriceAsync(room, room.Click(Anna, "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = "Citizens" }));
        await DeliverThriceAsync(room, room.Click(Klaus, "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = "Companies" }));
        Assert.Equal(2, await rows.CountAsync(Keys.ParticipantPrefix)); // Anna and Klaus (the moderator needs no registration)

        await DeliverThriceAsync(room, room.Click(Anna, "contribution.add",
            new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = "Bürgerportal modernisieren" }));
        await DeliverThriceAsync(room, room.Message(Klaus, "idee WLAN im Rathaus"));
        await DeliverThriceAsync(room, room.Click(Anna, "contribution.add",
            new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = "Digitale Sprechstunde" }));
        Assert.Equal(3, await rows.CountAsync(Keys.ContributionPrefix));

        await DeliverThriceAsync(room, room.Click(Moderator, "vote.start", StartVoteData(workshop)));
        Assert.Equal(1, await rows.CountAsync("round|"));
        Assert.Equal(1, Posts(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "vote.cast"));
        var round = room.BallotCard()!["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();

        await DeliverThriceAsync(room, room.Click(Anna, "vote.cast", Ballot(workshop, round, (1, 5), (2, 3))));
        Assert.Equal(1, await rows.CountAsync(Keys.BallotPrefix(round)));

        await DeliverThriceAsync(room, room.Click(Moderator, "vote.close", RoundData(workshop, round)));
        await Eventually.TrueAsync(() => room.ResultsPosts().Count > 0, what: "the results post");
        Assert.Single(room.ResultsPosts());
        Assert.Contains("1 Stimme abgegeben.", Texts(room.ResultsPosts()[0]));

        var reflections = Posts(IsReflection);
        await DeliverThriceAsync(room, room.Click(Moderator, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 }));
        Assert.Equal(reflections + 1, Posts(IsReflection));
        var stepCards = Posts(IsStepCard);
        await DeliverThriceAsync(room, room.Click(Moderator, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 }));
        Assert.Equal(stepCards + 1, Posts(IsStepCard));
        deliveries = 10 * Copies;

        // The workshop moved on exactly one step: a contribution to step 2 is taken, one to step 3 is not.
        var step2 = await room.ContributeAsync(Anna, workshop, "Fehlende Schnittstellen", step: 2);
        Assert.StartsWith("Beitrag #", Toast(step2), StringComparison.Ordinal);
        output.WriteLine($"activities=10 copies-each={Copies} deliveries={deliveries} extra-effects=0");
    }

    private static bool IsStepCard(JsonNode? card) => card?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add";

    private static bool IsReflection(JsonNode? card) => Texts(card).Any(t => t.StartsWith("Reflexion zu ", StringComparison.Ordinal));
}
