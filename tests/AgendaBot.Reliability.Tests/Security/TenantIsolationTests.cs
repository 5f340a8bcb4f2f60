using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Reliability.Tests.Fuzz;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Security;

/// <summary>
/// People of tenant B — even with the same user and channel ids as tenant A's — click every card of tenant A's workshop
/// and round: every click is refused and tenant A's rows stay as they were. Builds on AgendaBot.Storage.Tests'
/// TenantIsolationTests (the repositories) by going through /api/messages.
/// </summary>
public sealed class TenantIsolationTests : IAsyncLifetime
{
    private readonly string prefix = $"iso{Guid.NewGuid():N}"[..13];
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer(new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix, ["WeeklyPosts:Enabled"] = "false" });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task A_user_of_another_tenant_cannot_act_on_a_workshop_or_round_by_its_ids()
    {
        var a = await World.SetUpAsync(bot.Http, connector);
        var b = new Room(bot.Http, connector);
        await b.ClickAsync(Lead, "agenda.create", new JsonObject { ["title"] = "Agenda B", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true" });
        var before = await StorageSnapshot.TakeAsync(AzuriteServer.Shared.ConnectionString, prefix);
        JsonObject[] clicks =
        [
            b.Click(Anna, "contribution.add", new JsonObject { ["workshopId"] = a.WorkshopId, ["step"] = 1, ["text"] = "Von außen" }),
            b.Click(Stranger, "workshop.register", new JsonObject { ["workshopId"] = a.WorkshopId, ["group"] = "Citizens" }),
            b.Click(Anna, "vote.cast", Ballot(a.WorkshopId, a.RoundId, (1, 5))),
            b.Click(Moderator, "vote.close", RoundData(a.WorkshopId, a.RoundId)),
            b.Click(Moderator, "vote.details", RoundData(a.WorkshopId, a.RoundId)),
            b.Click(Moderator, "vote.start", StartVoteData(a.WorkshopId)),
            b.Click(Moderator, "step.close", new JsonObject { ["workshopId"] = a.WorkshopId, ["step"] = 1 }),
            b.Click(Moderator, "step.advance", new JsonObject { ["workshopId"] = a.WorkshopId, ["step"] = 1 }),
            b.Click(Moderator, "step.reopen", new JsonObject { ["workshopId"] = a.WorkshopId, ["step"] = 1 }),
            b.Click(Moderator, "plan.save", new JsonObject { ["workshopId"] = a.WorkshopId, ["step"] = 6 }),
            b.Click(Anna, "vote.cast", Ballot(a.WorkshopId, a.RoundId, (1, 5)), Scope.Personal),
        ];

        foreach (var click in clicks)
        {
            var response = await bot.Http.PostAsJsonAsync("api/messages", click);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(Toast(answer) is { } toast && (toast.StartsWith("Das habe ich nicht gefunden", StringComparison.Ordinal)
                || toast.StartsWith("Dafür müssen Sie zum Workshop angemeldet sein", StringComparison.Ordinal)),
                $"{click["value"]!["action"]!["verb"]}: {answer.ToJsonString()}");
        }

        var after = await StorageSnapshot.TakeAsync(AzuriteServer.Shared.ConnectionString, prefix);
        Assert.Empty(StorageSnapshot.Differences(before, after));
    }
}
