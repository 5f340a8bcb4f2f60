using AgendaBot.Tests.Telemetry;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Help;

/// <summary>
/// "@AgendaBot hilfe" in a channel is a plain turn: what it needs to know about the channel (is there a workshop, who
/// steers it) is remembered, and forgotten the moment that changes on this instance (docs/performance.md).
/// </summary>
public sealed class ChannelHelpCostTests
{
    [Fact]
    public async Task Help_asked_again_in_a_channel_reads_nothing_from_storage()
    {
        var captured = new CapturedTelemetry();
        await using var room = await WorkshopRoom.OpenAsync(services: captured.AddTo);
        await room.SetUpWorkshopAsync();

        await room.SayAsync(Anna, "hilfe", activityId: "help-first");
        await room.SayAsync(Anna, "hilfe", activityId: "help-again");
        await room.SayAsync(Lead, "hilfe", activityId: "help-lead");

        Assert.InRange(StorageCalls(captured, "help-first"), 1, 4);
        Assert.Equal(0, StorageCalls(captured, "help-again"));
        Assert.Equal(0, StorageCalls(captured, "help-lead"));
        Assert.Equal(["Abstimmung vorbereiten", "Akteure anzeigen"], Buttons(LastHelp(room)));
    }

    [Fact]
    public async Task Help_offers_the_workshop_buttons_as_soon_as_a_workshop_opens_in_the_channel()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await room.ClickAsync(Lead, "agenda.create", new System.Text.Json.Nodes.JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus", ["statusHere"] = "true",
        });
        await room.SayAsync(Lead, "hilfe");
        var before = Buttons(LastHelp(room));

        await room.ClickAsync(Lead, "workshop.open", new System.Text.Json.Nodes.JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        await room.PinboardSettledAsync();
        await room.SayAsync(Lead, "hilfe");

        Assert.Contains("Workshop eröffnen", before);
        Assert.Equal(["Abstimmung vorbereiten", "Akteure anzeigen"], Buttons(LastHelp(room)));
    }

    // The help card, not a pinboard redraw that may land just after it.
    private static System.Text.Json.Nodes.JsonNode? LastHelp(WorkshopRoom room) =>
        room.Connector.Calls.Last(c => WorkshopRoom.Texts(c.Card).FirstOrDefault() == "So arbeiten Sie mit AgendaBot").Card;

    private static List<string> Buttons(System.Text.Json.Nodes.JsonNode? card) =>
        card?["actions"]?.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];

    private static int StorageCalls(CapturedTelemetry captured, string activityId) =>
        captured.TraceOf(activityId).Count(s => s.Source.Name == "Azure.Core.Http");
}
