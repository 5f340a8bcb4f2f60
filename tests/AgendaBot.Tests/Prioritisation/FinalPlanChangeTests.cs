using System.Text.Json.Nodes;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Measures;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Prioritisation;

/// <summary>Once the plan is final, a new measure from step 6 says why, and the measure's history keeps who and why.</summary>
public sealed class FinalPlanChangeTests : IAsyncLifetime
{
    private const string ReasonLabel = "Grund der Änderung (der Plan ist schon Endfassung)";

    private PlanFollowUpRoom room = null!;

    public async Task InitializeAsync()
    {
        room = await PlanFollowUpRoom.OpenAsync();
        await room.Get<FinalRoundStore>().SetStandingAsync(room.Tenant, room.AgendaId, PlanState.Draft.Finalise(DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_plan_form_of_a_final_plan_asks_for_the_reason()
    {
        var form = await room.Room.ClickAsync(Lead, "step.view", new JsonObject { ["workshopId"] = room.WorkshopId, ["step"] = 6 });

        var reason = form["value"]!["body"]!.AsArray().Single(e => e?["label"]?.GetValue<string>() == ReasonLabel);
        Assert.True(reason!["isRequired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_new_measure_without_a_reason_is_refused_and_nothing_is_stored()
    {
        var refused = await room.PlanAsync();

        Assert.Equal("Der Plan ist schon Endfassung: Bitte geben Sie einen Grund für die neue Maßnahme an.", refused["value"]?.GetValue<string>());
        Assert.Empty(await room.Get<MeasureRepository>().GetAllAsync(room.Tenant, room.AgendaId));
    }

    [Fact]
    public async Task With_a_reason_the_measure_is_planned_and_its_history_says_who_and_why()
    {
        await room.Room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = room.WorkshopId, ["step"] = 6, ["measure"] = "1", ["owner"] = "aad-anna",
            ["start"] = "2027-01-15", ["end"] = "2027-12-31", ["changeReason"] = "Vom Gemeinderat am 1. Dezember nachbeschlossen",
        });

        var measure = await room.TheMeasureAsync();
        var history = await room.Get<MeasureRepository>().GetHistoryAsync(room.Tenant, room.AgendaId, measure.Id);
        var reason = Assert.Single(history, h => h.Field == MeasureHistory.Reason);
        Assert.Equal(("Vom Gemeinderat am 1. Dezember nachbeschlossen", Lead.AadObjectId), (reason.After, reason.ChangedBy.Id));
    }
}
