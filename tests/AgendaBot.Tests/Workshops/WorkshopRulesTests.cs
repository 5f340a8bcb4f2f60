using System.Text.Json.Nodes;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// Every card action is checked on the server — who, which tenant, which workshop, which step — whatever the
/// payload claims. A refusal is explained in the user's language and stores nothing.
/// </summary>
public sealed class WorkshopRulesTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await room.SetUpWorkshopAsync(capacity: 2);
        await room.RegisterAsync(Anna, workshop, "Universities");
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static string? Toast(JsonObject answer) => answer["value"]?.GetValue<string>();

    [Fact]
    public async Task Someone_not_registered_cannot_contribute()
    {
        var answer = await room.ContributeAsync(Klaus, workshop, 1, "Ich bin nicht angemeldet");

        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(answer));
        Assert.DoesNotContain("Ich bin nicht angemeldet", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_cannot_close_a_step()
    {
        var answer = await room.ClickAsync(Anna, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", Toast(answer));
        var stillOpen = await room.ContributeAsync(Anna, workshop, 1, "Der Schritt läuft noch");
        Assert.StartsWith("Beitrag #1", Toast(stillOpen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_made_up_workshop_id_is_refused()
    {
        var answer = await room.ContributeAsync(Anna, "0123456789abcdef01234567", 1, "Eingeschleust");

        Assert.StartsWith("Das habe ich nicht gefunden", Toast(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_carried_into_another_channel_is_refused()
    {
        var answer = await room.ClickAsync(Anna, "contribution.add",
            new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = "Aus dem falschen Kanal" }, channelId: "19:other-channel@thread.tacv2");

        Assert.StartsWith("Das habe ich nicht gefunden", Toast(answer), StringComparison.Ordinal);
        Assert.DoesNotContain("Aus dem falschen Kanal", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_of_an_earlier_step_is_refused_after_the_workshop_moved_on()
    {
        await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });
        await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        var answer = await room.ContributeAsync(Anna, workshop, 1, "Zu spät für Schritt 1");

        Assert.Equal("Diese Karte gehört zu einem anderen Schritt als dem aktuellen. Bitte nutzen Sie die neueste Karte.", Toast(answer));
    }

    [Fact]
    public async Task A_closed_step_takes_no_more_contributions()
    {
        await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        var answer = await room.ContributeAsync(Anna, workshop, 1, "Nach Schluss");

        Assert.Equal("Dieser Schritt ist bereits abgeschlossen; Beiträge sind nicht mehr möglich.", Toast(answer));
    }

    [Fact]
    public async Task Closing_the_same_step_twice_is_refused_the_second_time()
    {
        await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        var again = await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 });

        Assert.Equal("Dieser Schrittwechsel ist gerade nicht möglich.", Toast(again));
    }

    [Fact]
    public async Task An_over_long_contribution_is_refused_with_the_limit()
    {
        var answer = await room.ContributeAsync(Anna, workshop, 1, new string('x', 2001));

        Assert.Equal("Der Text ist zu lang: höchstens 2000 Zeichen. Es wurde nichts gespeichert.", Toast(answer));
    }

    [Fact]
    public async Task An_unknown_stakeholder_group_is_refused()
    {
        var answer = await room.RegisterAsync(Klaus, workshop, "Aliens");

        Assert.Equal("Eine Angabe ist ungültig. Es wurde nichts gespeichert.", Toast(answer));
    }

    [Fact]
    public async Task A_field_of_action_that_is_not_on_the_agenda_is_refused()
    {
        var answer = await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Raumfahrt" }, channelId: "19:new@thread.tacv2");

        Assert.Equal("Eine Angabe ist ungültig. Es wurde nichts gespeichert.", Toast(answer));
    }

    [Fact]
    public async Task Beyond_capacity_people_wait_and_cannot_contribute_yet()
    {
        await room.RegisterAsync(Klaus, workshop, "Companies");

        var full = await room.RegisterAsync(Sabine, workshop, "Citizens");

        Assert.Contains("Auf der Warteliste: Sabine Wagner", Texts(full["value"]));
        Assert.Contains("2 von 2 Plätzen belegt.", Texts(full["value"]));
        var answer = await room.ContributeAsync(Sabine, workshop, 1, "Ich warte noch");
        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(answer));
    }

    [Fact]
    public async Task The_registration_card_shows_who_is_there_and_which_groups_are_missing()
    {
        var answer = await room.RegisterAsync(Klaus, workshop, "Companies");

        var texts = Texts(answer["value"]).ToList();
        Assert.Contains("Anna Schulz", texts);
        Assert.Contains("Klaus Meier", texts);
        Assert.Contains(texts, t => t.StartsWith("Es fehlen noch: Land, Landkreis, Stadt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_and_links_in_a_contribution_stay_plain_text_on_the_pinboard()
    {
        const string sneaky = "**Fett** [Klick mich](https://evil.example) <b>html</b>";

        await room.ContributeAsync(Anna, workshop, 1, sneaky);

        var holders = Elements(await room.PinboardAsync()).Where(e => e["text"]?.GetValue<string>() == sneaky).ToList();
        var holder = Assert.Single(holders);
        Assert.Equal("TextRun", holder["type"]?.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Elements(p.Value))],
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    [Fact]
    public async Task Nothing_a_participant_wrote_is_ever_placed_where_markdown_is_read()
    {
        await room.ContributeAsync(Anna, workshop, 1, "*kursiv*");

        Assert.DoesNotContain(Elements(await room.PinboardAsync()), e => e["type"]?.GetValue<string>() is "TextBlock" or "Fact"
            && e["text"]?.GetValue<string>()?.Contains("*kursiv*", StringComparison.Ordinal) == true);
    }
}
