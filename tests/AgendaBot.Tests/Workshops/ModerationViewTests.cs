using System.Text.Json.Nodes;
using AgendaBot.Tests.Voting;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// The buttons that steer a workshop ("Schritt abschließen", "Weiter zu Schritt …", "Abstimmung beenden") appear only
/// in the views of the people who moderate: the card everyone sees leaves them out and asks Teams to show the
/// moderators their own view. The server checks every click anyway.
/// </summary>
public sealed class ModerationViewTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private JsonNode StepCard() => room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!;

    private static List<string> Verbs(JsonNode? card) => card?["actions"]?.AsArray().Select(a => a!["verb"]!.GetValue<string>()).ToList() ?? [];

    [Fact]
    public async Task The_step_card_shows_close_step_to_the_moderator_only()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        var shared = StepCard();

        var petraSees = await room.SeenByAsync(Lead, shared);
        var annaSees = await room.SeenByAsync(Anna, shared);

        Assert.Equal(["contribution.add"], Verbs(shared));
        Assert.Equal([Lead.ChannelAccountId], shared["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(["contribution.add", "step.close"], Verbs(petraSees));
        Assert.Equal(["contribution.add"], Verbs(annaSees));
    }

    [Fact]
    public async Task Asking_for_the_moderator_view_without_moderating_gets_the_card_everyone_sees()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var forged = await room.ClickAsync(Anna, "step.view", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });
        var closing = await room.ClickAsync(Anna, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        Assert.Equal(["contribution.add"], Verbs(forged["value"]));
        Assert.Equal("application/vnd.microsoft.activity.message", closing["type"]?.GetValue<string>());
        Assert.Equal(Domain.Workshops.StepState.Collecting, (await room.StoredWorkshopAsync(workshop)).StepState);
    }

    [Fact]
    public async Task Closing_a_step_changes_the_card_for_everyone_and_leaves_the_moderator_their_buttons()
    {
        var workshop = await room.SetUpWorkshopAsync();

        var closed = await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 }, onMessage: "step-card-1");

        Assert.Equal(["step.advance", "step.reopen"], Verbs(closed["value"]));
        var everyone = room.LatestUpdateOf("step-card-1")!;
        Assert.Empty(Verbs(everyone));
        Assert.Contains(Texts(everyone), t => t.Contains("abgeschlossen", StringComparison.Ordinal));
        Assert.Equal(["step.advance", "step.reopen"], Verbs(await room.SeenByAsync(Lead, everyone)));
    }

    [Fact]
    public async Task A_project_lead_who_did_not_open_the_workshop_gets_the_buttons_once_they_ask_for_the_step_card()
    {
        await room.ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus", ["statusHere"] = "true",
        });
        await room.ClickAsync(Anna, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        Assert.DoesNotContain(Lead.ChannelAccountId, StepCard()["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()));

        await room.SayAsync(Lead, "workshop");

        var again = StepCard();
        Assert.Equal([Anna.ChannelAccountId, Lead.ChannelAccountId], again["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).Order());
        Assert.Contains("step.close", Verbs(await room.SeenByAsync(Lead, again)));
    }

    [Fact]
    public async Task The_ballot_shows_end_vote_to_the_moderator_only()
    {
        var workshop = await VotingRoom.PrepareAsync(room);
        await VotingRoom.StartAsync(room, workshop);
        var ballot = VotingRoom.BallotCard(room)!;

        Assert.Equal(["vote.cast"], Verbs(ballot));
        Assert.Equal(["vote.cast", "vote.close"], Verbs(await room.SeenByAsync(Lead, ballot)));
        Assert.Equal(["vote.cast"], Verbs(await room.SeenByAsync(Klaus, ballot)));
    }
}
