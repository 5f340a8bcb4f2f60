using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Workshops;

/// <summary>Step 6: a measure from the action concept gets owner, dates, work packages, milestones and indicators.</summary>
public sealed class PlanTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "PublicAdministration");
        for (var step = 1; step <= 5; step++)
        {
            if (step == 5)
            {
                await room.ContributeAsync(Anna, workshop, 5, "Online-Terminvergabe im Bürgerbüro");
            }

            await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
        }
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static readonly (string, string)[] TwoMilestones = [("2027-03-31", "Ausschreibung"), ("2027-09-30", "Start")];

    private Task<JsonObject> PlanAsync(string owner = "aad-anna", (string Date, string Title)[]? milestones = null, string? activityId = null,
        string start = "2027-01-15", string end = "2027-12-31", string target = "60") =>
        room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 6, ["measure"] = "1", ["owner"] = owner,
            ["start"] = start, ["end"] = end, ["budgetYear"] = "true",
        }.WithWorkPackages("Anbieter auswählen", "Mitarbeitende schulen")
            .WithMilestones(milestones ?? TwoMilestones)
            .WithIndicators(("Online gebuchte Termine", "Prozent", "0", target)), activityId);

    /// <summary>The step-6 card as posted in the channel.</summary>
    private JsonNode StepSixCard() =>
        room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "plan.save")!;

    private static IEnumerable<JsonNode> Elements(JsonNode? node) => node switch
    {
        JsonObject element => new[] { element }.Concat(
            new[] { "body", "items", "columns", "actions" }.SelectMany(key => element[key] is JsonArray children ? children.SelectMany(Elements) : [])),
        _ => [],
    };

    private static JsonNode Input(JsonNode card, string id) => Elements(card).Single(e => e["id"]?.GetValue<string>() == id);

    private async Task<IReadOnlyList<Domain.Measures.Measure>> MeasuresAsync() =>
        await room.Bot.Services.GetRequiredService<MeasureRepository>().GetAllAsync(new TenantScope(room.TenantId), room.TeamId);

    [Fact]
    public async Task The_step_six_card_offers_the_measures_of_step_five_and_the_registered_people()
    {
        var card = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "plan.save")!
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("Schritt 6 von 6: Zeit-Maßnahmen-Plan", card, StringComparison.Ordinal);
        Assert.Contains("#1 Online-Terminvergabe im Bürgerbüro", card, StringComparison.Ordinal);
        Assert.Contains("Anna Schulz", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_measure_is_stored_with_everything_and_shown_on_the_pinboard()
    {
        var answer = await PlanAsync();

        Assert.Equal("Die Maßnahme „Online-Terminvergabe im Bürgerbüro“ ist im Zeit-Maßnahmen-Plan (Beitrag #2).", answer["value"]?.GetValue<string>());
        var measure = Assert.Single(await MeasuresAsync());
        Assert.Equal("aad-anna", measure.Owner?.Id);
        Assert.Equal(new DateOnly(2027, 1, 15), measure.Start);
        Assert.Equal(2, measure.WorkPackages.Count);
        Assert.Equal(new DateOnly(2027, 9, 30), measure.Milestones[1].Due);
        Assert.Equal(60, measure.Indicators.Single().Target);
        Assert.True(measure.NextBudgetYear);
        Assert.Contains("verantwortlich: Anna Schulz", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_click_twice_plans_the_measure_once()
    {
        await PlanAsync(activityId: "plan-click");
        await PlanAsync(activityId: "plan-click");

        Assert.Single(await MeasuresAsync());
    }

    [Fact]
    public async Task A_milestone_without_a_date_is_named_and_nothing_is_stored()
    {
        var answer = await PlanAsync(milestones: [("", "Ausschreibung")]);

        Assert.Equal("Der Meilenstein „Ausschreibung“ hat kein Datum. Bitte wählen Sie eines im Kalender. Es wurde nichts gespeichert.",
            answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
    }

    [Fact]
    public async Task Only_a_registered_person_can_own_a_measure()
    {
        var answer = await PlanAsync(owner: "aad-somebody-else");

        Assert.Equal("Bitte wählen Sie unter „Verantwortlich“ eine angemeldete Person. Es wurde nichts gespeichert.", answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
    }

    [Fact]
    public async Task End_before_start_names_both_dates()
    {
        var answer = await PlanAsync(start: "2027-04-15", end: "2027-03-01");

        Assert.Equal("Das Ende (01.03.2027) liegt vor dem Beginn (15.04.2027). Es wurde nichts gespeichert.", answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
        Assert.DoesNotContain("verantwortlich: Anna Schulz", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_is_no_number_names_the_indicator()
    {
        var answer = await PlanAsync(target: "sechzig");

        Assert.Equal("Der Zielwert von „Online gebuchte Termine“ ist keine Zahl: „sechzig“. Erlaubt sind Zahlen wie 60 oder 12,5. Es wurde nichts gespeichert.",
            answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
    }

    [Fact]
    public async Task Plan_with_two_milestone_rows_stores_both_with_dates()
    {
        await PlanAsync(milestones: [("2027-03-31", "Ausschreibung"), ("", ""), ("2027-09-30", "Start")]);

        var measure = Assert.Single(await MeasuresAsync());
        Assert.Equal(
            [new Domain.Measures.Milestone("Ausschreibung", new DateOnly(2027, 3, 31)), new Domain.Measures.Milestone("Start", new DateOnly(2027, 9, 30))],
            measure.Milestones);
        Assert.Equal(["Anbieter auswählen", "Mitarbeitende schulen"], measure.WorkPackages);
        Assert.Equal(new Domain.Measures.Indicator("Online gebuchte Termine", "Prozent", 0, 60), measure.Indicators.Single());
    }

    [Fact]
    public async Task Adding_a_row_keeps_what_was_typed()
    {
        var card = StepSixCard();
        var button = Elements(card).Single(e => e["title"]?.GetValue<string>() == "Weiterer Meilenstein");
        Assert.Equal(2, Elements(card).Count(e => e["id"]?.GetValue<string>() is { } id && id.StartsWith("milestoneRow_", StringComparison.Ordinal)
            && id.EndsWith("_date", StringComparison.Ordinal)));
        var typed = ((JsonObject)button["data"]!.DeepClone()).WithMilestones(("2027-03-31", "Ausschreibung"));
        typed["owner"] = "aad-anna";
        typed["start"] = "2027-01-15";
        typed["indicatorRow_0_target"] = "60";

        var answer = await room.ClickAsync(Anna, button["verb"]!.GetValue<string>(), typed);

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]?.GetValue<string>());
        var redrawn = answer["value"]!;
        Assert.Equal("2027-03-31", Input(redrawn, "milestoneRow_0_date")["value"]?.GetValue<string>());
        Assert.Equal("Ausschreibung", Input(redrawn, "milestoneRow_0_title")["value"]?.GetValue<string>());
        Assert.Null(Input(redrawn, "milestoneRow_2_date")["value"]);
        Assert.Equal("aad-anna", Input(redrawn, "owner")["value"]?.GetValue<string>());
        Assert.Equal("2027-01-15", Input(redrawn, "start")["value"]?.GetValue<string>());
        Assert.Equal(60, Input(redrawn, "indicatorRow_0_target")["value"]?.GetValue<double>());
        Assert.Empty(await MeasuresAsync());
    }

    [Fact]
    public async Task Step_six_card_invites_a_measure()
    {
        var card = StepSixCard();
        var texts = Texts(card).ToList();

        Assert.DoesNotContain(texts, t => t.Contains("idee", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(texts, t => t.StartsWith("Planen Sie hier eine Maßnahme aus Schritt 5", StringComparison.Ordinal));
        // Dates from a calendar: start, end and each milestone.
        Assert.Equal(["start", "end", "milestoneRow_0_date", "milestoneRow_1_date"],
            Elements(card).Where(e => e["type"]?.GetValue<string>() == "Input.Date").Select(e => e["id"]!.GetValue<string>()));
        Assert.Equal(["indicatorRow_0_baseline", "indicatorRow_0_target"],
            Elements(card).Where(e => e["type"]?.GetValue<string>() == "Input.Number").Select(e => e["id"]!.GetValue<string>()));
        Assert.All(Elements(card).Where(e => e["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true
            && e["type"]!.GetValue<string>() != "Input.Toggle"), e => Assert.False(string.IsNullOrEmpty(e["label"]?.GetValue<string>())));
    }

    [Fact]
    public async Task A_card_posted_before_the_rows_still_plans_with_its_lines()
    {
        await room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 6, ["measure"] = "1", ["owner"] = "aad-anna",
            ["workPackages"] = "Anbieter auswählen", ["milestones"] = "2027-03-31 Ausschreibung",
            ["indicators"] = "Online gebuchte Termine; Prozent; 0; 60",
        });

        var measure = Assert.Single(await MeasuresAsync());
        Assert.Equal(new DateOnly(2027, 3, 31), measure.Milestones.Single().Due);
        Assert.Equal(60, measure.Indicators.Single().Target);
        Assert.Single(measure.WorkPackages);
    }
}
