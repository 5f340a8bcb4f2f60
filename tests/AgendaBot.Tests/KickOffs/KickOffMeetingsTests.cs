using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Testing;
using AgendaBot.Tests.Graph;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.KickOffs;

/// <summary>
/// With Microsoft Graph the kick-off's dates become Teams meetings in the team's calendar (the local Graph stand-in,
/// reached by the real Graph SDK); without Graph only the lead is told, once.
/// </summary>
public sealed class KickOffMeetingsTests
{
    [Fact]
    public async Task With_Graph_each_date_becomes_a_Teams_meeting_in_the_teams_calendar_once()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        graph.AddGroup(room.TeamAadGroupId, "aad-petra");
        await CreateAgendaAsync(room);

        var lead = await OpenAsync(room, activityId: "open-1");
        await OpenAsync(room, activityId: "open-2");

        Assert.Equal(2, graph.Events.Count);
        var (group, meeting) = graph.Events[0];
        Assert.Equal(room.TeamAadGroupId, group);
        Assert.Equal("Workshop „Verwaltung“ – Digitale Agenda Hagenow", meeting["subject"]!.GetValue<string>());
        Assert.Equal(("2027-02-10T10:00:00", "Europe/Berlin"), (meeting["start"]!["dateTime"]!.GetValue<string>(), meeting["start"]!["timeZone"]!.GetValue<string>()));
        Assert.Equal("2027-02-10T13:00:00", meeting["end"]!["dateTime"]!.GetValue<string>());
        Assert.True(meeting["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("teamsForBusiness", meeting["onlineMeetingProvider"]!.GetValue<string>());
        var texts = Texts(lead["value"]).ToList();
        Assert.Contains("Im Kalender des Teams: 2 Teams-Besprechungen für die Workshop-Termine.", texts);
        Assert.Contains("Verwaltung: Workshop am 10.02.2027 um 10:00 Uhr", texts);
        var links = lead["value"]!["body"]!.AsArray().Where(e => e?["type"]?.GetValue<string>() == "ActionSet")
            .SelectMany(e => e!["actions"]!.AsArray()).Where(a => a?["type"]?.GetValue<string>() == "Action.OpenUrl").ToList();
        Assert.Equal(["Teams-Besprechung „Verwaltung“ öffnen", "Teams-Besprechung „Einzelhandel/Gewerbe“ öffnen"], links.Select(a => a!["title"]!.GetValue<string>()));
        Assert.All(links, a => Assert.StartsWith("https://teams.microsoft.example/l/meetup-join/event-", a!["url"]!.GetValue<string>(), StringComparison.Ordinal));
        var stored = (await room.Bot.Services.GetRequiredService<KickOffStore>().GetAsync(new TenantScope(room.TenantId), room.TeamId))!;
        Assert.All(stored.Dates, d => Assert.NotNull(d.MeetingUrl));
    }

    [Fact]
    public async Task Without_Graph_the_lead_is_told_and_the_card_everyone_sees_says_nothing_of_it()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await CreateAgendaAsync(room);

        var lead = await OpenAsync(room, onMessage: "kickoff-setup");

        const string NoGraph = "Die Termine stehen auf dieser Karte und im Wochenstand. Als Teams-Besprechungen legt AgendaBot sie nur mit Microsoft Graph an, das hier nicht eingerichtet ist.";
        Assert.Contains(NoGraph, Texts(lead["value"]));
        var everyone = room.Connector.Calls.Last(c => c.Card is not null && Texts(c.Card).Contains("Verwaltung: Workshop am 10.02.2027 um 10:00 Uhr")).Card;
        Assert.DoesNotContain(NoGraph, Texts(everyone));
    }

    private static Task<JsonObject> CreateAgendaAsync(WorkshopRoom room) => room.ClickAsync(Lead, "agenda.create", new JsonObject
    {
        ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe", ["statusHere"] = "true",
    });

    private static Task<JsonObject> OpenAsync(WorkshopRoom room, string? activityId = null, string? onMessage = null) =>
        room.ClickAsync(Lead, "kickoff.open", new JsonObject
        {
            ["agendaId"] = room.TeamId, ["goals"] = "Verwaltung digital und bürgernah machen", ["date_0"] = "2027-02-10", ["date_2"] = "2027-03-03",
            ["startsAt"] = "10:00",
        }, activityId, onMessage: onMessage);
}
