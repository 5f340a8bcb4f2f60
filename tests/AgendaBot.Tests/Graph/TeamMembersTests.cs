using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;

namespace AgendaBot.Tests.Graph;

public sealed class TeamMembersTests
{
    [Fact]
    public async Task All_pages_of_team_members_are_read()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        graph.AddUser(new GraphUser("m1", "Petra Hoffmann", "Bürgermeisteramt", "Projektleitung Digitale Agenda"));
        graph.AddUser(new GraphUser("m2", "Jonas Krüger", "Hochschule Wismar", "Professor"));
        graph.AddUser(new GraphUser("m3", "Lea Brandt", "Stadtwerke Hagenow GmbH", "Vertrieb"));
        graph.AddUser(new GraphUser("m4", "Ute Sommer", "IHK zu Schwerin", "Referentin"));
        graph.AddUser(new GraphUser("m5", "Tom Wolff", null, null));
        graph.PageSize = 2;
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        graph.AddGroup(room.TeamAadGroupId, "m1", "m2", "room-device", "m3", "m4", "m5");
        await room.SetUpWorkshopAsync();

        await room.SayAsync(WorkshopRoom.Lead, "gruppenvorschläge");

        var pages = graph.Requests.Where(r => r.Path == $"/v1.0/groups/{room.TeamAadGroupId}/members").ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(["", "2", "4"], pages.Select(p => SkipToken(p.Query)));
        Assert.All(pages, p => Assert.Equal("Bearer graph-token", p.Authorization));
        Assert.Equal(
            """
            Gruppenvorschläge aus den Profilen der 5 Teammitglieder:
            Land, Landkreis, Stadt: Petra Hoffmann
            Kammern und Verbände: Ute Sommer
            Hochschulen: Jonas Krüger
            Unternehmen: Lea Brandt
            Ohne Vorschlag: 1
            """.ReplaceLineEndings("\n"),
            room.Connector.Calls[^1].Text);
    }

    [Fact]
    public async Task Group_suggestions_are_for_the_moderation_only()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        graph.AddGroup(room.TeamAadGroupId, "m1");
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(WorkshopRoom.Anna, workshop);

        await room.SayAsync(WorkshopRoom.Anna, "gruppenvorschläge");

        Assert.DoesNotContain(graph.Requests, r => r.Path.Contains("/members", StringComparison.Ordinal));
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", room.Connector.Calls[^1].Text);
    }

    private static string SkipToken(string query) =>
        System.Web.HttpUtility.ParseQueryString(query)["$skiptoken"] ?? string.Empty;
}
