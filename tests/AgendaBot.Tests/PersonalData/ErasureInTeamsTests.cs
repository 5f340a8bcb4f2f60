using System.Text.Json.Nodes;
using AgendaBot.Testing.Host;
using AgendaBot.Tests.Delivery;
using AgendaBot.Tests.Measures;
using AgendaBot.Tests.Voting;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.PersonalData;

/// <summary>
/// "daten löschen" reaches what the bot already posted into Teams: every card that named the person is updated in
/// place without their name, through the outbox.
/// </summary>
public sealed class ErasureInTeamsTests
{
    private static readonly TimeSpan Delivered = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_erasure_the_registration_and_stakeholder_cards_pinboard_and_results_no_longer_name_the_person_and_keep_their_place()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: TimeProvider.System);
        var view = new TeamsView(room);
        var workshop = await room.SetUpWorkshopAsync();
        var registration = view.IdOfCardWith("workshop.register");
        await view.ClickOnAsync(Anna, registration, "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = "Universities" });
        await view.ClickOnAsync(Klaus, registration, "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = "Companies" });
        await room.SayAsync(Klaus, "akteure");
        var stakeholders = room.Connector.Calls.Count - 1;
        await room.ContributeAsync(Anna, workshop, 1, "Bürgerportal modernisieren");
        await room.ContributeAsync(Klaus, workshop, 1, "WLAN im Rathaus");
        await room.ContributeAsync(Klaus, workshop, 1, "Digitale Sprechstunde");
        var round = await VotingRoom.StartAsync(room, workshop, anonymous: "false");
        await VotingRoom.StarsAsync(room, Anna, workshop, round, (1, 5), (2, 2), (3, 4));
        await VotingRoom.StarsAsync(room, Klaus, workshop, round, (1, 3), (2, 5), (3, 1));
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });
        Assert.NotNull(VotingRoom.Results(room));
        await room.PinboardSettledAsync();
        var named = view.Naming(Anna.Name).Select(m => m.ActivityId).ToHashSet();
        Assert.Contains(registration, named);
        Assert.Contains(TeamsView.IdOfCall(stakeholders), named);
        Assert.Contains(view.Messages().Values.Single(m => m.Text.StartsWith("Pinnwand", StringComparison.Ordinal)).ActivityId, named);
        var before = view.Messages().Keys.ToHashSet();
        var erasedAt = DateTimeOffset.UtcNow;

        var answer = await room.ClickPersonallyAsync(Anna, "personalData.erase");

        Assert.Contains("ohne Ihren Namen neu angezeigt", string.Join("\n", Texts(answer["value"])), StringComparison.Ordinal);
        var after = await Eventually.ReturnsAsync(() => Task.FromResult(view.Messages()), m => m.Values.All(c => !c.Text.Contains(Anna.Name, StringComparison.Ordinal)),
            Delivered);
        Assert.All(named, id => Assert.True(after[id].UpdatedInPlaceAfter(erasedAt), $"{id} was not updated in place"));
        Assert.Equal(before, after.Keys.ToHashSet());
        Assert.Contains("Klaus Meier", view.Messages()[registration].Text, StringComparison.Ordinal);
        Assert.Contains("Bürgerportal modernisieren", view.Messages().Values.Single(m => m.Text.StartsWith("Pinnwand", StringComparison.Ordinal)).Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_opener_is_erased_the_workshop_opened_card_no_longer_names_the_moderator()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: TimeProvider.System);
        var view = new TeamsView(room);
        await room.ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität", ["statusHere"] = "true",
        });
        await view.ClickOnAsync(Lead, "setup-card-1", "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        Assert.Contains("Moderation: Petra Hoffmann", view.Messages()["setup-card-1"].Text, StringComparison.Ordinal);

        var erasedAt = DateTimeOffset.UtcNow;
        await room.ClickPersonallyAsync(Lead, "personalData.erase");

        var opened = await Eventually.ReturnsAsync(() => Task.FromResult(view.Messages()["setup-card-1"]), m => m.UpdatedInPlaceAfter(erasedAt), Delivered);
        Assert.DoesNotContain(Lead.Name, opened.Text, StringComparison.Ordinal);
        Assert.Contains("Der Workshop „Verwaltung“ ist eröffnet. Moderation: –.", opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_erasure_the_plan_summary_and_the_plan_line_on_the_pinboard_no_longer_name_the_owner_of_a_measure()
    {
        await using var plan = await PlanFollowUpRoom.OpenAsync();
        var view = new TeamsView(plan.Room);
        var calls = plan.Room.Connector.Calls.Count;
        await plan.PlanAsync(owner: "aad-anna");
        var summary = plan.Room.Connector.Calls.Select((c, i) => (Call: c, Index: i)).Skip(calls)
            .Single(c => c.Call.Method == "POST" && PlanFollowUpRoom.CardText(c.Call.Card).StartsWith("Zeit-Maßnahmen-Plan", StringComparison.Ordinal));
        var id = TeamsView.IdOfCall(summary.Index);
        Assert.Contains("verantwortlich: Anna Schulz", view.Messages()[id].Text, StringComparison.Ordinal);

        var erasedAt = DateTimeOffset.UtcNow;
        await plan.Room.ClickPersonallyAsync(Anna, "personalData.erase");

        var redrawn = await Eventually.ReturnsAsync(() => Task.FromResult(view.Messages()[id]), m => m.UpdatedInPlaceAfter(erasedAt), Delivered);
        Assert.DoesNotContain(Anna.Name, redrawn.Text, StringComparison.Ordinal);
        Assert.Contains("1. Online-Terminvergabe im Bürgerbüro", redrawn.Text, StringComparison.Ordinal);
        // The plan line the bot wrote on the pinboard named her as the owner, inside the contribution's text.
        var pinboard = await Eventually.ReturnsAsync(
            () => Task.FromResult(view.Messages().Values.Single(m => m.Text.StartsWith("Pinnwand", StringComparison.Ordinal))),
            m => m.UpdatedInPlaceAfter(erasedAt), Delivered);
        Assert.DoesNotContain(Anna.Name, pinboard.Text, StringComparison.Ordinal);
        Assert.Contains("verantwortlich: – ·", pinboard.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_to_redraw_survive_a_restart_before_they_were_delivered()
    {
        var prefix = $"e{Guid.NewGuid():N}"[..12];
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = prefix,
            // This instance stops before it delivers anything: the posts wait in the outbox.
            ["Delivery:Enabled"] = "false",
        });
        var view = new TeamsView(room);
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.ContributeAsync(Anna, workshop, 1, "Bürgerportal modernisieren");
        await room.PinboardSettledAsync();
        var pinboard = view.Messages().Values.Single(m => m.Text.StartsWith("Pinnwand", StringComparison.Ordinal));
        Assert.Contains(Anna.Name, pinboard.Text, StringComparison.Ordinal);

        var erasedAt = DateTimeOffset.UtcNow;
        await room.ClickPersonallyAsync(Anna, "personalData.erase");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(view.Messages()[pinboard.ActivityId].UpdatedInPlaceAfter(erasedAt));
        await room.Bot.DisposeAsync();
        await using var next = new BotServer(new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });

        var redrawn = await Eventually.ReturnsAsync(() => Task.FromResult(view.Messages()[pinboard.ActivityId]), m => m.UpdatedInPlaceAfter(erasedAt), Delivered);
        Assert.DoesNotContain(Anna.Name, redrawn.Text, StringComparison.Ordinal);
        Assert.Contains("Bürgerportal modernisieren", redrawn.Text, StringComparison.Ordinal);
    }
}
