using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Security;

/// <summary>
/// Markdown, links, HTML, mentions and images typed into every place a person can type — agenda title, field of action,
/// display names, contributions, voting criteria — through a whole workshop: wherever that text shows up in any card or
/// message the bot sends, it sits where Teams does not read markdown (a TextRun, an input's value) and never becomes a
/// link, image or action. Names of fields of action head cards, so markdown in them is refused when the agenda is set
/// up. Builds on AgendaBot.Tests/WorkshopRulesTests (the pinboard alone).
/// </summary>
public sealed class InjectionTests : IAsyncLifetime
{
    private const string Marker = "](http://127.0.0.1:1/";
    private const string Payload = "**Fett** [Klick" + Marker + "x) <b>html</b> <at>Alle</at> ![bild" + Marker + "i.png) <script>x</script>";

    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Text_people_typed_is_inert_in_every_card_and_message_the_bot_sends()
    {
        var room = new Room(bot.Http, connector);
        var lead = Lead with { Name = "Petra " + Payload[..60] };
        var moderator = Moderator with { Name = "Maria " + Payload[..60] };
        var anna = Anna with { Name = "Anna " + Payload[..60] };
        // Field names head cards (TextBlocks): markdown in them is refused at set-up (Agenda.Create), so the agenda uses
        // a plain one after that refusal.
        var refused = await room.ClickAsync(lead, "agenda.create", new JsonObject
        {
            ["title"] = "Agenda", ["fieldsOfAction"] = "Verwaltung " + Payload[..40], ["statusHere"] = "true",
        });
        Assert.Equal("Eine Angabe ist ungültig. Es wurde nichts gespeichert.", Toast(refused));
        var field = "Verwaltung (intern) & Co.";
        var answers = new List<JsonObject>
        {
            await room.ClickAsync(lead, "agenda.create", new JsonObject
            {
                ["title"] = "Agenda " + Payload[..80], ["fieldsOfAction"] = field + "\nTourismus", ["statusHere"] = "true",
            }),
            await room.ClickAsync(moderator, "workshop.open", new JsonObject { ["fieldOfAction"] = field, ["capacity"] = "15" }),
        };
        var workshop = connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!
            ["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        answers.Add(await room.RegisterAsync(anna, workshop));
        answers.Add(await room.ContributeAsync(anna, workshop, Payload));
        await room.SayAsync(anna, "idee " + Payload);
        await room.SayAsync(moderator, "akteure");
        var start = StartVoteData(workshop);
        start["items"] = "1,2";
        start["criteria"] = "Nutzen " + Payload[..50]; // criteria are at most 60 characters
        answers.Add(await room.ClickAsync(moderator, "vote.start", start));
        Assert.True(room.BallotCard() is not null, $"no ballot card: {answers[^1].ToJsonString()}");
        var round = room.BallotCard()!["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();
        var ballot = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = "4", ["s_2_0"] = "3" };
        answers.Add(await room.ClickAsync(anna, "vote.cast", ballot));
        answers.Add(await room.ClickAsync(moderator, "vote.close", RoundData(workshop, round)));
        answers.Add(await room.ClickAsync(moderator, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 }));
        answers.Add(await room.ClickAsync(moderator, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = 1 }));
        await room.SayAsync(anna, "meine daten", Scope.Personal);

        var sent = connector.Calls.Where(c => c.Body is not null).ToList();
        var cards = sent.Select(c => c.Card).Concat(answers.Select(a => a["value"] as JsonObject)).Where(c => c is not null).ToList();
        var placements = cards.SelectMany(card => Placements(card!, "card")).Where(p => p.Text.Contains("Klick", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(placements); // the texts are shown, so the check below has something to check
        Assert.All(placements, p => Assert.True(p.Inert, $"user text where markdown is read: {p.Where}"));
        // A message is inert if it is plain text, or if the user's words sit inside a fenced code block (the data export).
        Assert.All(sent.Where(c => c.Text is not null && c.Body?["textFormat"]?.GetValue<string>() != "plain"),
            c => Assert.DoesNotContain(OutsideCodeFences(c.Text!), part => part.Contains("Klick", StringComparison.Ordinal)));
        Assert.DoesNotContain(cards.SelectMany(c => Urls(c!)), url => url.Contains("127.0.0.1:1", StringComparison.Ordinal));
    }

    private static IEnumerable<string> OutsideCodeFences(string markdown) =>
        markdown.Split("```").Where((_, i) => i % 2 == 0);

    private sealed record Placement(string Where, string Text, bool Inert);

    /// <summary>Every string in a card, with whether Teams would render it literally.</summary>
    private static IEnumerable<Placement> Placements(JsonNode node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [new Placement($"{path}.{p.Key} ({o["type"]})", s, IsInert(o, p.Key))]
            : p.Value is null ? [] : Placements(p.Value, $"{path}.{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => item is null ? [] : Placements(item, $"{path}[{i}]")),
        _ => [],
    };

    // TextBlock text and Fact title/value are read as markdown; a TextRun, an input's value, a choice's title and the
    // data an action carries back are not.
    private static bool IsInert(JsonObject holder, string property) => (holder["type"]?.GetValue<string>(), property) switch
    {
        ("TextBlock", "text") => false,
        (null, "title" or "value") when holder.Parent is JsonArray { Parent: JsonObject { } set } && set["type"]?.GetValue<string>() == "FactSet" => false,
        ("Action.OpenUrl", "url") or ("Image", "url") => false,
        _ => true,
    };

    private static IEnumerable<string> Urls(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "url" or "selectAction" && p.Value is JsonValue v && v.TryGetValue<string>(out var s)
            ? [s] : p.Value is null ? [] : Urls(p.Value)),
        JsonArray a => a.SelectMany(i => i is null ? [] : Urls(i)),
        _ => [],
    };
}
