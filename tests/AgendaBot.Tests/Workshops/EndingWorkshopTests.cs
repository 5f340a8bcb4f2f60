using System.Text.Json.Nodes;
using AgendaBot.Tests.Voting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>
/// A channel hosts one workshop at a time, not one for good: its step card can be brought back, and a moderator ends
/// it, after which the pinboard stays for reading and the channel opens the next.
/// </summary>
public sealed class EndingWorkshopTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 12, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync(time: clock);

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task Asking_for_the_workshop_brings_its_current_step_card_back()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.ClickAsync(Lead, "step.close", Step(workshop, 1));
        await room.ClickAsync(Lead, "step.advance", Step(workshop, 1));
        var before = room.Connector.Calls.Count;

        await room.SayAsync(Anna, "workshop");

        var answer = room.Connector.Calls.Skip(before).Single().Card;
        Assert.Contains("Schritt 2 von 6: Identifikation von Problemstellungen", Texts(answer));
        Assert.Equal("contribution.add", answer?["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Equal(workshop, answer?["actions"]?[0]?["data"]?["workshopId"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_moderator_ends_the_workshop_and_the_channel_opens_the_next()
    {
        var first = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, first);
        await room.ContributeAsync(Anna, first, 1, "Akten liegen noch auf Papier");

        await room.SayAsync(Lead, "workshop beenden");
        var ask = LastCard();
        Assert.Contains("Workshop „Verwaltung“ beenden?", Texts(ask));
        Assert.Equal(["workshop.end", "workshop.keep"], Verbs(ask));

        var ended = await room.ClickAsync(Lead, "workshop.end", Ref(first));
        Assert.Contains("Der Workshop „Verwaltung“ wurde am 12.03.2027 beendet.", Texts(ended["value"]));
        await SettledAsync();
        var oldPinboard = await room.PinboardTextAsync();
        Assert.Contains("Beendet am 12.03.2027, zum Nachlesen", oldPinboard, StringComparison.Ordinal);
        Assert.Contains("Akten liegen noch auf Papier", oldPinboard, StringComparison.Ordinal);

        await room.SayAsync(Lead, "workshop");
        var offer = LastCard();
        Assert.Contains("Der Workshop „Verwaltung“ in diesem Kanal wurde am 12.03.2027 beendet. Hier eröffnen Sie den nächsten.", Texts(offer));
        await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Tourismus/Mobilität", ["capacity"] = "15" });
        var second = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!
            ["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        await room.RegisterAsync(Anna, second);
        var saved = await room.ContributeAsync(Anna, second, 1, "Parkplätze sind online nicht zu finden");
        Assert.StartsWith("Beitrag #1 ist gespeichert", saved["value"]?.GetValue<string>(), StringComparison.Ordinal);
        await SettledAsync();
        var newPinboard = await room.PinboardTextAsync();
        Assert.Contains("Pinnwand: Tourismus/Mobilität", newPinboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Akten liegen noch auf Papier", newPinboard, StringComparison.Ordinal);

        // The channel's commands now mean the new workshop.
        var before = room.Connector.Calls.Count;
        await room.SayAsync(Anna, "workshop");
        Assert.Contains("Workshop „Tourismus/Mobilität“", Texts(room.Connector.Calls.Skip(before).Single().Card));
    }

    [Fact]
    public async Task An_ended_workshop_takes_nothing_new_and_says_why()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.ClickAsync(Lead, "workshop.end", Ref(workshop));

        var contribution = await room.ContributeAsync(Anna, workshop, 1, "Noch eine Idee");
        var registration = await room.RegisterAsync(Klaus, workshop);
        var close = await room.ClickAsync(Lead, "step.close", Step(workshop, 1));

        const string Ended = "Dieser Workshop ist beendet. Seine Pinnwand bleibt zum Nachlesen, ändern lässt sich nichts mehr.";
        Assert.Equal(Ended, contribution["value"]?.GetValue<string>());
        Assert.Equal(Ended, registration["value"]?.GetValue<string>());
        Assert.Equal(Ended, close["value"]?.GetValue<string>());
        await SettledAsync();
        Assert.DoesNotContain("Noch eine Idee", await room.PinboardTextAsync(), StringComparison.Ordinal);

        // In a chat, too: "idee" in the channel is refused in the same words.
        var before = room.Connector.Calls.Count;
        await room.SayAsync(Anna, "idee Noch eine Idee");
        Assert.Equal(Ended, room.Connector.Calls.Skip(before).Single().Text);
    }

    [Fact]
    public async Task Only_a_moderator_may_end_a_workshop_whatever_the_card_claims()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var before = room.Connector.Calls.Count;
        await room.SayAsync(Anna, "workshop beenden");
        var refused = await room.ClickAsync(Anna, "workshop.end", Ref(workshop));

        Assert.Null(room.Connector.Calls.Skip(before).Single().Card);
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", refused["value"]?.GetValue<string>());
        var saved = await room.ContributeAsync(Anna, workshop, 1, "Der Workshop läuft noch");
        Assert.StartsWith("Beitrag #1 ist gespeichert", saved["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_keeps_the_workshop_running_and_says_so()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);

        var kept = await room.ClickAsync(Lead, "workshop.keep", Ref(workshop));

        Assert.Contains("Der Workshop „Verwaltung“ läuft weiter.", Texts(kept["value"]));
        var saved = await room.ContributeAsync(Anna, workshop, 1, "Weiter geht es");
        Assert.StartsWith("Beitrag #1 ist gespeichert", saved["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_twice_answers_the_same_and_opens_nothing_twice()
    {
        var workshop = await room.SetUpWorkshopAsync();

        var once = await room.ClickAsync(Lead, "workshop.end", Ref(workshop), activityId: "end-1");
        var again = await room.ClickAsync(Lead, "workshop.end", Ref(workshop), activityId: "end-1");
        var later = await room.ClickAsync(Lead, "workshop.end", Ref(workshop), activityId: "end-2");

        Assert.Equal(Texts(once["value"]), Texts(again["value"]));
        Assert.Equal(Texts(once["value"]), Texts(later["value"]));
    }

    [Fact]
    public async Task A_workshop_with_an_open_vote_is_not_ended()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        for (var i = 1; i <= 3; i++)
        {
            await room.ContributeAsync(Anna, workshop, 1, $"Idee {i}");
        }

        var round = await VotingRoom.StartAsync(room, workshop);
        var refused = await room.ClickAsync(Lead, "workshop.end", Ref(workshop));
        Assert.Equal("In Schritt 1 läuft noch eine Abstimmung. Bitte beenden Sie zuerst die Abstimmung, dann den Workshop.",
            refused["value"]?.GetValue<string>());

        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });
        var ended = await room.ClickAsync(Lead, "workshop.end", Ref(workshop));
        Assert.Contains("Der Workshop „Verwaltung“ wurde am 12.03.2027 beendet.", Texts(ended["value"]));
    }

    [Fact]
    public async Task Cards_of_an_ended_workshop_are_refused_as_ended_after_the_next_opened()
    {
        var first = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, first);
        await room.ClickAsync(Lead, "workshop.end", Ref(first));
        await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Einzelhandel/Gewerbe", ["capacity"] = "15" });

        var old = await room.ContributeAsync(Anna, first, 1, "Auf der alten Karte");

        Assert.Equal("Dieser Workshop ist beendet. Seine Pinnwand bleibt zum Nachlesen, ändern lässt sich nichts mehr.", old["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_card_naming_a_workshop_of_another_channel_is_not_found()
    {
        var workshop = await room.SetUpWorkshopAsync();

        var elsewhere = await room.ClickAsync(Lead, "workshop.end", Ref(workshop), channelId: "19:another-channel@thread.tacv2");

        Assert.StartsWith("Das habe ich nicht gefunden", elsewhere["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    // On the room's fake clock a trailing pinboard redraw waits for the clock: move it on while waiting.
    private Task<bool> SettledAsync() => Delivery.Eventually.ReturnsAsync(() =>
    {
        clock.Advance(TimeSpan.FromSeconds(1));
        return Task.FromResult(room.Bot.Services.GetRequiredService<AgendaBot.Features.Contributions.PinboardPublisher>().IsSettled);
    }, settled => settled);

    private JsonNode? LastCard() => room.Connector.Calls.Select(c => c.Card).Last(c => c is not null);

    private static List<string?> Verbs(JsonNode? card) =>
        card?["actions"]?.AsArray().Select(a => a?["verb"]?.GetValue<string>()).ToList() ?? [];

    private static JsonObject Ref(string workshop) => new() { ["workshopId"] = workshop };

    private static JsonObject Step(string workshop, int step) => new() { ["workshopId"] = workshop, ["step"] = step };
}
