using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests;

/// <summary>
/// The workshop's cards for the gallery: the agenda, then one workshop from opening to the complete plan. Cards the
/// bot posts are named by what they are (<see cref="KindOf"/>), cards that answer a click by the click.
/// </summary>
public sealed partial class CardCorpusTests
{
    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Agenda_cards_when_the_project_lead_sets_it_up(string locale)
    {
        await using var room = await OpenNamedRoomAsync(locale);

        await room.SayAsync(Lead, "agenda");
        var setUp = Assert.Single(await room.Connector.WaitForCallsAsync(1)).Card;
        var summary = await CreateAgendaAsync(room);

        Assert.Equal("agenda.create", setUp?["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Contains("Petra Hoffmann", string.Join(" ", Texts(summary)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Workshop_cards_from_opening_to_the_complete_plan(string locale)
    {
        await using var room = await OpenNamedRoomAsync(locale);
        var de = Language(locale) == "de";
        await CreateAgendaAsync(room);
        await room.SayAsync(Lead, "workshop");
        Answer(room, "workshop-opened");
        await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = de ? "Verwaltung" : "Administration", ["capacity"] = "3" });
        var workshop = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")!
            ["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();

        Answer(room, "workshop-registration");
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegisterAsync(Klaus, workshop, "Companies");
        Answer(room, "workshop-registration-waiting-list");
        var full = await room.RegisterAsync(Sabine, workshop, "Citizens");
        await room.SayAsync(Lead, de ? "akteure" : "stakeholders");

        await room.ContributeAsync(Anna, workshop, 1, de ? "Anträge gehen nur auf Papier." : "Applications are paper only.");
        await room.SayAsync(Klaus, de ? "idee Das Bürgerportal kennt kaum jemand." : "idea Hardly anyone knows the citizens' portal.");
        await room.ContributeAsync(Klaus, workshop, 1, de ? "Alles läuft über Papier." : "Everything runs on paper.");
        await room.SayAsync(Lead, de ? "zusammenführen 3 in 1" : "merge 3 into 1");
        await room.SayAsync(Anna, de ? "bearbeiten 1 Anträge gehen fast nur auf Papier." : "edit 1 Applications are almost all on paper.");
        await CloseAsync(room, workshop, 1);

        await room.ContributeAsync(Klaus, workshop, 2, de ? "Im Bürgerbüro fehlt WLAN." : "The citizens' office has no Wi-Fi.");
        await CloseAsync(room, workshop, 2);

        await ContributeAsync(room, Anna, workshop, 3, de ? "Anträge und Termine in einer App." : "Applications and appointments in one app.",
            new() { ["exampleName"] = "Bürger-App", ["examplePlace"] = "Ludwigslust", ["exampleLink"] = "https://buerger-app.example/" });
        await CloseAsync(room, workshop, 3);

        await ContributeAsync(room, Klaus, workshop, 4, de ? "Jeder Antrag geht auch online." : "Every application also works online.",
            new() { ["desirable"] = "true", ["necessary"] = "true", ["feasible"] = "true" });
        await ContributeAsync(room, Anna, workshop, 4, de ? "Termine ohne Wartezeit." : "Appointments without waiting.", new() { ["desirable"] = "true" });
        await room.SayAsync(Lead, de ? "übernehmen 4" : "promote 4");
        await CloseAsync(room, workshop, 4);

        await ContributeAsync(room, Anna, workshop, 5, de ? "WLAN im Bürgerbüro einrichten" : "Set up Wi-Fi in the citizens' office",
            new() { ["linkedGoals"] = "6, 8" });
        await CloseAsync(room, workshop, 5);

        await MoreMilestonesAsync(room, de);
        await room.ContributeAsync(Klaus, workshop, 6, de ? "WLAN: Hausmeisterei bis 30.06." : "Wi-Fi: caretakers by 30 June");
        var closed = await CloseAsync(room, workshop, 6);

        Assert.Contains(Texts(full["value"]), t => t.Contains("Sabine Wagner", StringComparison.Ordinal));
        Assert.Equal(["step.reopen"], closed["value"]?["actions"]?.AsArray().Select(a => a?["verb"]?.GetValue<string>()));
        var pinboard = await room.PinboardTextAsync();
        Assert.Contains(de ? "übernommen als #8" : "promoted to #8", pinboard, StringComparison.Ordinal);
        Assert.Contains("(Bürger-App, Ludwigslust, https://buerger-app.example/)", pinboard, StringComparison.Ordinal);
        Assert.Contains("→ #6, #8", pinboard, StringComparison.Ordinal);
    }

    private static async Task<WorkshopRoom> OpenNamedRoomAsync(string locale)
    {
        var room = await WorkshopRoom.OpenAsync(locale: locale);
        room.Connector.CardNamer = card => $"{KindOf(card)}-{Language(locale)}";
        return room;
    }

    /// <summary>Cards that answer the next click are named <paramref name="scenario"/>.</summary>
    private static void Answer(WorkshopRoom room, string scenario) => room.Bot.CardScenario = $"{scenario}-{Language(room.Locale)}";

    private static async Task<JsonNode?> CreateAgendaAsync(WorkshopRoom room)
    {
        var de = Language(room.Locale) == "de";
        Answer(room, "agenda-summary");
        var answer = await room.ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = de ? "Digitale Agenda Hagenow" : "Digital Agenda Hagenow",
            ["fieldsOfAction"] = de ? "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe" : "Administration\nTourism/Mobility\nRetail/Trade",
            ["statusHere"] = "true",
        });
        return answer["value"];
    }

    private static Task<JsonObject> ContributeAsync(WorkshopRoom room, Person who, string workshop, int step, string text, JsonObject details)
    {
        details["workshopId"] = workshop;
        details["step"] = step;
        details["text"] = text;
        return room.ClickAsync(who, "contribution.add", details);
    }

    /// <summary>The lead fills in part of the step-6 form and asks for one more milestone row: the form comes back one row longer.</summary>
    private static async Task MoreMilestonesAsync(WorkshopRoom room, bool de)
    {
        var form = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "plan.save")!;
        var button = Descendants(form).Single(e => e["type"]?.GetValue<string>() == "Action.Execute"
            && e["title"]?.GetValue<string>() == (de ? "Weiterer Meilenstein" : "Another milestone"));
        var typed = (JsonObject)button["data"]!.DeepClone();
        typed["measure"] = "9";
        typed["owner"] = "aad-anna";
        typed["start"] = "2027-01-15";
        typed["end"] = "2027-06-30";
        typed["workPackageRow_0_title"] = de ? "Router beschaffen" : "Buy routers";
        typed["milestoneRow_0_date"] = "2027-03-31";
        typed["milestoneRow_0_title"] = de ? "Router installiert" : "Routers installed";
        typed["milestoneRow_1_date"] = "2027-06-30";
        typed["milestoneRow_1_title"] = de ? "WLAN offen für alle" : "Wi-Fi open to everyone";
        typed["indicatorRow_0_name"] = de ? "Verfügbarkeit" : "Availability";
        typed["indicatorRow_0_unit"] = de ? "Prozent" : "per cent";
        typed["indicatorRow_0_baseline"] = "0";
        typed["indicatorRow_0_target"] = "99";

        Answer(room, "workshop-step-6-more-rows");
        var redrawn = await room.ClickAsync(Lead, button["verb"]!.GetValue<string>(), typed);

        Assert.Equal(CardCorpus.AdaptiveCardContentType, redrawn["type"]?.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>The lead closes the step (its reflection is posted) and, before step 6, moves on to the next.</summary>
    private static async Task<JsonObject> CloseAsync(WorkshopRoom room, string workshop, int step)
    {
        Answer(room, $"workshop-step-{step}-closed");
        var closed = await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
        Assert.Equal(CardCorpus.AdaptiveCardContentType, closed["type"]?.GetValue<string>());
        if (step < 6)
        {
            Answer(room, $"workshop-step-{step}-done");
            var done = await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            Assert.Null(done["value"]?["actions"]);
        }

        return closed;
    }

    // What a posted card is: the verb of its first button, else its title (German or English) and step.
    private static string KindOf(JsonNode card)
    {
        var button = card["actions"]?[0];
        var title = card["body"]?[0]?["text"]?.GetValue<string>() ?? card["body"]?[0]?["inlines"]?[0]?["text"]?.GetValue<string>() ?? string.Empty;
        var step = StepHeading().Matches(card.ToJsonString()).Select(m => m.Groups[1].Value).DefaultIfEmpty("0").Max();
        return button?["verb"]?.GetValue<string>() switch
        {
            "agenda.create" => "agenda-setup",
            "workshop.open" => "workshop-open",
            "workshop.register" => "workshop-registration-new",
            "contribution.add" => $"workshop-step-{button["data"]?["step"]}-collecting",
            "plan.save" => "workshop-step-6-plan",
            _ when title.StartsWith("Pinnwand", StringComparison.Ordinal) || title.StartsWith("Pinboard", StringComparison.Ordinal) =>
                $"workshop-pinboard-step-{step}",
            _ when title.StartsWith("Reflexion", StringComparison.Ordinal) || title.StartsWith("Reflection", StringComparison.Ordinal) =>
                $"workshop-reflection-step-{step}",
            _ when title.StartsWith("Anmeldung", StringComparison.Ordinal) || title.StartsWith("Registration", StringComparison.Ordinal) =>
                "workshop-stakeholders",
            _ => "workshop-other",
        };
    }

    [GeneratedRegex(@"(?:Schritt|Step) (\d) (?:von|of) 6: ")]
    private static partial Regex StepHeading();
}
