using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Graph.GraphRoom;

namespace AgendaBot.Tests.Graph;

public sealed class ProfileSuggestionTests
{
    private const string Token = "graph-token-of-the-bot";

    [Fact]
    public async Task Registration_suggests_the_group_from_the_profile()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        graph.AddUser(new GraphUser(WorkshopRoom.Anna.AadObjectId, "Anna Schulz", "Amt für Digitalisierung", "Sachbearbeiterin"));
        var credential = new FixedTokenCredential(Token);
        await using var room = await OpenAsync(graph, credential);
        var workshop = await room.SetUpWorkshopAsync();

        var shared = RegistrationCard(room);
        var mine = await ViewAsAsync(room, WorkshopRoom.Anna, shared);

        // Nothing is chosen for anyone on the card everyone sees: a preselected group would be a careless click away.
        Assert.Null(GroupChoice(shared));
        Assert.DoesNotContain("Profil", Text(shared), StringComparison.Ordinal);
        Assert.Equal("PublicAdministration", GroupChoice(mine));
        Assert.Contains("Vorschlag aus Ihrem Profil: Land, Landkreis, Stadt.", Text(mine), StringComparison.Ordinal);
        var lookup = Assert.Single(graph.Requests, r => r.Path == $"/v1.0/users/{WorkshopRoom.Anna.AadObjectId}");
        Assert.Equal($"Bearer {Token}", lookup.Authorization);
        Assert.Contains("department", Uri.UnescapeDataString(lookup.Query), StringComparison.Ordinal);
        Assert.Contains("jobTitle", Uri.UnescapeDataString(lookup.Query), StringComparison.Ordinal);
        Assert.Equal(["https://graph.microsoft.com/.default"], credential.LastScopes);

        // She may take another group than the suggested one; once registered, her view asks Graph no more.
        var registered = await room.RegisterAsync(WorkshopRoom.Anna, workshop, "Universities");
        var after = await ViewAsAsync(room, WorkshopRoom.Anna, shared);

        Assert.Contains("Hochschulen: \nAnna Schulz", Text(registered["value"]), StringComparison.Ordinal);
        Assert.DoesNotContain("Profil", Text(after), StringComparison.Ordinal);
        Assert.Single(graph.Requests, r => r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_user_gets_no_suggestion_and_registers()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        graph.AddUser(new GraphUser(WorkshopRoom.Anna.AadObjectId, "Anna Schulz", "Amt für Digitalisierung"));
        await using var room = await OpenAsync(graph, new FixedTokenCredential(Token));
        var workshop = await room.SetUpWorkshopAsync();

        var mine = await ViewAsAsync(room, WorkshopRoom.Klaus, RegistrationCard(room));
        var registered = await room.RegisterAsync(WorkshopRoom.Klaus, workshop, "Companies");

        Assert.Equal(404, Assert.Single(graph.Requests, r => r.Path == $"/v1.0/users/{WorkshopRoom.Klaus.AadObjectId}").Status);
        Assert.Null(GroupChoice(mine));
        Assert.DoesNotContain("Profil", Text(mine), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", registered["type"]!.GetValue<string>());
        Assert.Contains("Unternehmen: \nKlaus Meier", Text(registered["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_throttling_is_retried_after_the_given_delay()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        graph.AddUser(new GraphUser(WorkshopRoom.Anna.AadObjectId, "Anna Schulz", "Hochschule Hagenow", "Professorin"));
        await using var room = await OpenAsync(graph, new FixedTokenCredential(Token));
        await room.SetUpWorkshopAsync();

        graph.ThrottleNext(1, seconds: 1);
        var mine = await ViewAsAsync(room, WorkshopRoom.Anna, RegistrationCard(room));

        var lookups = graph.Requests.Where(r => r.Path == $"/v1.0/users/{WorkshopRoom.Anna.AadObjectId}").ToList();
        Assert.Equal([429, 200], lookups.Select(r => r.Status));
        // The server stamps each request after answering it and timers may fire a millisecond early: allow for that,
        // not for a retry that ignored Retry-After (the SDK's own delay is configured far shorter here).
        Assert.True(lookups[1].Since(lookups[0]) >= TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(20),
            $"retried after {lookups[1].Since(lookups[0])}");
        Assert.All(lookups, r => Assert.Equal($"Bearer {Token}", r.Authorization));
        Assert.Equal("Universities", GroupChoice(mine));
    }

    [Fact]
    public async Task A_lookup_slower_than_its_timeout_leaves_the_view_without_a_suggestion()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        graph.AddUser(new GraphUser(WorkshopRoom.Anna.AadObjectId, "Anna Schulz", "Amt für Digitalisierung"));
        await using var room = await OpenAsync(graph, new FixedTokenCredential(Token), lookupTimeout: "00:00:00.5");
        await room.SetUpWorkshopAsync();

        graph.ThrottleNext(1, seconds: 3);
        var mine = await ViewAsAsync(room, WorkshopRoom.Anna, RegistrationCard(room));

        Assert.Equal([429], graph.Requests.Where(r => r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal)).Select(r => r.Status));
        Assert.Null(GroupChoice(mine));
        Assert.DoesNotContain("Profil", Text(mine), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Graph_registration_still_works_and_only_the_lead_asking_for_suggestions_hears_why()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var workshop = await room.SetUpWorkshopAsync();

        var shared = RegistrationCard(room);
        var registered = await room.RegisterAsync(WorkshopRoom.Anna, workshop, "Citizens");
        await room.SayAsync(WorkshopRoom.Lead, "gruppenvorschläge");

        Assert.Null(shared["refresh"]);
        // A server setting is not the participants' business: their card says nothing about Graph.
        Assert.DoesNotContain("Graph", Text(shared), StringComparison.Ordinal);
        Assert.Contains("Bürgerinnen und Bürger: \nAnna Schulz", Text(registered["value"]), StringComparison.Ordinal);
        Assert.Equal("Das geht nur mit Microsoft Graph, und Microsoft Graph ist für diesen Bot nicht eingerichtet.", room.Connector.Calls[^1].Text);
    }
}
