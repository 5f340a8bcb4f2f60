using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Domain.People;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Security;

/// <summary>A workshop ready for every action: agenda, moderator, two participants, three contributions, a running round.</summary>
public sealed record World(Room Room, string WorkshopId, string RoundId)
{
    public static async Task<World> SetUpAsync(HttpClient bot, RecordingConnector connector, string? tenantId = null)
    {
        var room = new Room(bot, connector, tenantId);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        await room.RegisterAsync(Anna, workshop);
        await room.RegisterAsync(Klaus, workshop, "Companies");
        await room.ContributeAsync(Anna, workshop, "Bürgerportal modernisieren");
        await room.ContributeAsync(Klaus, workshop, "WLAN im Rathaus");
        await room.ContributeAsync(Klaus, workshop, "Digitale Sprechstunde");
        return new World(room, workshop, await room.StartVoteAsync(Moderator, workshop));
    }
}

/// <summary>Something a person does in a workshop, and which <see cref="WorkshopAction"/> the product files it under.</summary>
public sealed record Intent(string Name, WorkshopAction Action, Func<World, Person, Scope, JsonObject> Activity)
{
    private static Intent Click(string verb, WorkshopAction action, Func<World, JsonObject> data) =>
        new(verb, action, (w, p, s) => w.Room.Click(p, verb, data(w), s));

    private static Intent Command(string text, WorkshopAction action) =>
        new($"\"{text}\"", action, (w, p, s) => w.Room.Message(p, text, s));

    /// <summary>Every card verb and moderator command that acts on a workshop (plan.save: see docs/reliability.md).</summary>
    public static readonly IReadOnlyList<Intent> All =
    [
        Click("contribution.add", WorkshopAction.Contribute, w => new JsonObject { ["workshopId"] = w.WorkshopId, ["step"] = 1, ["text"] = "Neue Idee" }),
        Command("idee Neue Idee aus dem Chat", WorkshopAction.Contribute),
        Click("vote.cast", WorkshopAction.Vote, w => Ballot(w.WorkshopId, w.RoundId, (1, 4))),
        Command("bearbeiten 2 Ein anderer Text", WorkshopAction.EditAnyContribution), // contribution 2 is Klaus's
        Command("ausblenden 2", WorkshopAction.HideContribution),
        Command("zusammenführen 3 2", WorkshopAction.MergeContributions),
        Command("übernehmen 2", WorkshopAction.PromoteContribution),
        Click("step.close", WorkshopAction.CloseStep, w => new JsonObject { ["workshopId"] = w.WorkshopId, ["step"] = 1 }),
        Click("step.reopen", WorkshopAction.CloseStep, w => new JsonObject { ["workshopId"] = w.WorkshopId, ["step"] = 1 }),
        Click("step.advance", WorkshopAction.AdvanceStep, w => new JsonObject { ["workshopId"] = w.WorkshopId, ["step"] = 1 }),
        Click("vote.start", WorkshopAction.StartVotingRound, w => StartVoteData(w.WorkshopId)),
        Command("abstimmung", WorkshopAction.StartVotingRound),
        Click("vote.close", WorkshopAction.CloseVotingRound, w => RoundData(w.WorkshopId, w.RoundId)),
        // "Who voted what" is for moderators only, like closing the round.
        Click("vote.details", WorkshopAction.CloseVotingRound, w => RoundData(w.WorkshopId, w.RoundId)),
    ];
}

/// <summary>One bot and one shared workshop for the cells that must be refused (a refusal changes nothing).</summary>
public sealed class MatrixBot : IAsyncLifetime
{
    public BotServer Bot { get; private set; } = null!;
    public RecordingConnector Connector { get; private set; } = null!;
    public World Shared { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await RecordingConnector.StartAsync();
        Bot = new BotServer(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        // A plain client: the matrix's answers are not cards worth keeping in the card corpus.
        Http = new HttpClient { BaseAddress = Bot.BaseAddress };
        Shared = await World.SetUpAsync(Http, Connector);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>
/// Every role × every workshop action × every scope. The expectation comes from <see cref="Permissions"/> (the product's
/// rule), never from what the bot answers: in the workshop's channel the role decides; someone not registered may do
/// nothing; a card or command carried into another channel or a group chat finds no workshop; in the personal chat a
/// registered participant acts on the workshop they registered for — except for what posts a card for everyone (starting
/// a vote, the step controls), which only the workshop's channel does.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixBot fixture) : IClassFixture<MatrixBot>
{
    public static readonly IReadOnlyList<(string Name, Person Person, Role? Role)> Roles =
    [
        ("project lead", Lead, Role.ProjectLead),
        ("moderator", Moderator, Role.Moderator),
        ("participant", Anna, Role.Participant),
        ("stranger", Stranger, null),
    ];

    public static IEnumerable<object[]> Cells() =>
        from scope in new[] { Scope.Channel, Scope.OtherChannel, Scope.GroupChat, Scope.Personal }
        from role in Roles
        // The personal chat names no workshop: it reaches the one the person registered for, which only participants did.
        where scope != Scope.Personal || role.Role is Role.Participant or null
        from intent in Intent.All
        select new object[] { scope, role.Name, intent.Name };

    private static readonly string[] Refusals =
    [
        "Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.",
        "Dafür müssen Sie zum Workshop angemeldet sein.",
        "Das habe ich nicht gefunden – vielleicht gehört die Karte zu einem anderen Team.",
        "Eine Abstimmung starten Sie im Kanal oder Gruppenchat des Workshops: dort sehen alle Teilnehmenden den Stimmzettel. "
            + "Schreiben Sie dort „@AgendaBot abstimmung“.",
        "Schritte schließen, wechseln und wieder öffnen Sie im Kanal oder Gruppenchat des Workshops: dort sehen alle Teilnehmenden, wo der Workshop steht.",
        // "idee …" from someone who cannot contribute there says what to do instead.
        "Bitte melden Sie sich zuerst für diesen Workshop an: Gruppe wählen und auf der Anmeldekarte „Anmelden“ klicken. Danach nehme ich Ihre Ideen entgegen.",
        "Sie sind noch zu keinem Workshop angemeldet. Melden Sie sich zuerst im Kanal des Workshops an: Gruppe wählen und auf der Anmeldekarte „Anmelden“ klicken. "
            + "Danach nehme ich Ihre Ideen hier entgegen.",
        "Hier läuft noch kein Workshop. Die Moderation eröffnet einen mit **@AgendaBot workshop**.",
    ];

    /// <summary>What posts a card for everyone where it is done, so never from a personal chat.</summary>
    private static readonly WorkshopAction[] ChannelOnly = [WorkshopAction.StartVotingRound, WorkshopAction.CloseStep, WorkshopAction.AdvanceStep];

    public static bool Expected(Scope scope, Role? role, WorkshopAction action) => scope switch
    {
        Scope.Channel => role is { } r && Permissions.Allows(r, action),
        Scope.Personal => role is { } r && Permissions.Allows(r, action) && !ChannelOnly.Contains(action),
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_may_do_in_each_scope_exactly_what_the_permissions_allow(Scope scope, string roleName, string intentName)
    {
        var (_, person, role) = Roles.Single(r => r.Name == roleName);
        var intent = Intent.All.Single(i => i.Name == intentName);
        var allowed = Expected(scope, role, intent.Action);
        // An allowed action changes the workshop, so it gets one of its own; refusals share one.
        var world = allowed ? await World.SetUpAsync(fixture.Http, fixture.Connector) : fixture.Shared;

        var calls = fixture.Connector.Calls.Count;
        var response = await fixture.Http.PostAsJsonAsync("api/messages", intent.Activity(world, person, scope));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await AnswerAsync(response, calls);

        if (allowed)
        {
            Assert.DoesNotContain(answer, Refusals);
        }
        else
        {
            Assert.Contains(answer, Refusals);
        }
    }

    /// <summary>The toast of an invoke, or the text the bot replied with to a message (sent before the request returned).</summary>
    private async Task<string?> AnswerAsync(HttpResponseMessage response, int callsBefore)
    {
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            return body is null ? null : Toast(body);
        }

        var conversationReplies = fixture.Connector.Calls.Skip(callsBefore).Select(c => c.Text).Where(t => t is not null);
        return conversationReplies.LastOrDefault();
    }
}
