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

    private Task<JsonObject> PlanAsync(string owner = "aad-anna", string milestones = "2027-03-31 Ausschreibung\n2027-09-30 Start", string? activityId = null) =>
        room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 6, ["measure"] = "1", ["owner"] = owner,
            ["start"] = "2027-01-15", ["end"] = "2027-12-31",
            ["workPackages"] = "Anbieter auswählen\nMitarbeitende schulen",
            ["milestones"] = milestones,
            ["indicators"] = "Online gebuchte Termine; Prozent; 0; 60",
            ["budgetYear"] = "true",
        }, activityId);

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
    public async Task A_milestone_line_without_a_date_is_refused_and_nothing_is_stored()
    {
        var answer = await PlanAsync(milestones: "irgendwann Ausschreibung");

        Assert.Equal("Eine Angabe ist ungültig. Es wurde nichts gespeichert.", answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
    }

    [Fact]
    public async Task Only_a_registered_person_can_own_a_measure()
    {
        var answer = await PlanAsync(owner: "aad-somebody-else");

        Assert.Equal("Eine Angabe ist ungültig. Es wurde nichts gespeichert.", answer["value"]?.GetValue<string>());
        Assert.Empty(await MeasuresAsync());
    }
}
