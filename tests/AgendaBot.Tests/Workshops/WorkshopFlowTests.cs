using System.Text.Json.Nodes;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>A moderated workshop in a channel, from set-up through the steps, as the people in it see it.</summary>
public sealed class WorkshopFlowTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task Asking_for_the_agenda_in_a_new_team_offers_the_set_up_card()
    {
        await room.SayAsync(Lead, "agenda");

        var card = Assert.Single(await room.Connector.WaitForCallsAsync(1)).Card;
        Assert.Equal("agenda.create", card?["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Contains("Verwaltung", card?.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_up_the_agenda_makes_the_clicking_person_its_project_lead()
    {
        var answer = await room.ClickAsync(Lead, "agenda.create", new JsonObject { ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]?.GetValue<string>());
        Assert.Contains("Projektleitung: Petra Hoffmann", string.Join(" ", Texts(answer["value"])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_workshop_posts_the_registration_the_first_step_and_the_pinboard()
    {
        await room.SetUpWorkshopAsync();

        var cards = room.Connector.Calls.Select(c => c.Card).Where(c => c is not null).ToList();
        Assert.Contains(cards, c => c!["actions"]?[0]?["verb"]?.GetValue<string>() == "workshop.register");
        Assert.Contains(cards, c => Texts(c).Contains("Schritt 1 von 6: Status-Quo-Beschreibung"));
        Assert.Contains("Noch keine Beiträge.", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_participant_contributes_and_the_pinboard_is_updated_in_place()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Universities");
        var pinboardId = room.Connector.Calls.First(c => Texts(c.Card).Any(t => t.StartsWith("Pinnwand", StringComparison.Ordinal))).Path;

        var answer = await room.ContributeAsync(Anna, workshop, 1, "Das Bürgerportal kennt niemand.");

        Assert.Equal("Beitrag #1 ist gespeichert und steht auf der Pinnwand.", answer["value"]?.GetValue<string>());
        await room.PinboardSettledAsync();
        var update = room.Connector.Calls.Last(c => c.Method == "PUT");
        Assert.Contains("Das Bürgerportal kennt niemand.", Texts(update.Card));
        Assert.Contains("  – Anna Schulz", Texts(update.Card));
        Assert.StartsWith(pinboardId.Split("/activities")[0], update.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_click_delivered_twice_is_one_contribution()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        await room.ContributeAsync(Anna, workshop, 1, "WLAN im Rathaus fehlt", activityId: "invoke-42");
        var again = await room.ContributeAsync(Anna, workshop, 1, "WLAN im Rathaus fehlt", activityId: "invoke-42");

        Assert.Equal("Beitrag #1 war schon gespeichert.", again["value"]?.GetValue<string>());
        Assert.Single(Texts(await room.PinboardAsync()), t => t == "WLAN im Rathaus fehlt");
    }

    [Fact]
    public async Task Contributions_also_come_as_chat_text_with_idee()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Klaus, workshop, "Companies");

        await room.SayAsync(Klaus, "idee Online-Terminvergabe für das Bürgerbüro");

        await room.Connector.WaitForCallsAsync(room.Connector.Calls.Count);
        Assert.Contains("Online-Terminvergabe für das Bürgerbüro", await room.PinboardTextAsync(), StringComparison.Ordinal);
        Assert.Contains(room.Connector.Calls, c => c.Text == "Beitrag #1 ist gespeichert und steht auf der Pinnwand.");
    }

    [Fact]
    public async Task Closing_a_step_posts_its_reflection_and_moving_on_posts_the_next_step()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.ContributeAsync(Anna, workshop, 1, "Akten liegen noch auf Papier");

        var closed = await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });
        var advanced = await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        Assert.Equal("step.advance", closed["value"]?["actions"]?[0]?["verb"]?.GetValue<string>());
        var reflection = room.Connector.Calls.Select(c => c.Card).Single(c => Texts(c).Any(t => t.StartsWith("Reflexion", StringComparison.Ordinal)));
        Assert.Contains("1 Beitrag in diesem Schritt.", Texts(reflection));
        Assert.Contains("Als Nächstes: Schritt 2 – Identifikation von Problemstellungen.", Texts(reflection));
        Assert.Null(advanced["value"]?["actions"]);
        Assert.Contains(room.Connector.Calls, c => Texts(c.Card).Contains("Schritt 2 von 6: Identifikation von Problemstellungen"));
    }

    [Fact]
    public async Task Six_steps_take_the_workshop_to_a_complete_plan()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        for (var step = 1; step <= 6; step++)
        {
            var saved = await room.ContributeAsync(Anna, workshop, step, $"Beitrag in Schritt {step}");
            Assert.StartsWith($"Beitrag #{step} ist gespeichert", saved["value"]?.GetValue<string>(), StringComparison.Ordinal);
            await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            if (step < 6)
            {
                await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            }
        }

        var pinboard = await room.PinboardTextAsync();
        Assert.Contains("Schritt 6 von 6: Zeit-Maßnahmen-Plan", pinboard, StringComparison.Ordinal);
        Assert.Contains("Beitrag in Schritt 6", pinboard, StringComparison.Ordinal);
        Assert.Contains(room.Connector.Calls, c => Texts(c.Card).Contains("Damit ist der Workshop vollständig: der Zeit-Maßnahmen-Plan steht."));
    }
}
