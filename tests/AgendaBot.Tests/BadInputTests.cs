using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests;

/// <summary>Whatever arrives at /api/messages, the bot answers with a reason and never with a 500.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer(new Dictionary<string, string?> { ["MessageEndpoint:MaxBodyBytes"] = "65536" });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        bot.Http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    // The bot sends what a turn sends before it answers the request. A follow-up in the same chat shows the connector
    // does record this conversation's replies, so the absence of any other call means the earlier activity sent nothing.
    private async Task AssertOnlyTheFollowUpIsAnsweredAsync()
    {
        var followUp = TeamsActivities.Message(connector.ServiceUrl, "hilfe");
        Assert.Equal(HttpStatusCode.OK, (await bot.Http.PostAsJsonAsync("api/messages", followUp)).StatusCode);

        var followUpId = followUp["id"]!.GetValue<string>();
        Assert.All(await connector.WaitForCallsAsync(1), call => Assert.Equal(followUpId, call.Body?["replyToId"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("null", "empty")]
    [InlineData("{\"type\":\"message\",", "malformed")]
    [InlineData("[1,2,3]", "malformed")]
    [InlineData("{\"type\":5}", "malformed")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"}}", "serviceUrl")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"http://127.0.0.1:1/\"}", "conversation")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"not a url\",\"conversation\":{\"id\":\"c\"}}", "serviceUrl")]
    [InlineData("{\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"c\"}}", "type")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"yesterday\",\"serviceUrl\":\"http://127.0.0.1:1/\",\"conversation\":{\"id\":\"c\"}}", "malformed")]
    public async Task A_body_that_is_no_activity_is_refused_with_400_and_a_reason(string body, string reasonMentions)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(reasonMentions, problem?["title"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, new string('x', 70_000));

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("event")]
    [InlineData("somethingNew")]
    public async Task An_activity_type_the_bot_does_not_handle_is_accepted_and_ignored(string type)
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");
        activity["type"] = type;

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertOnlyTheFollowUpIsAnsweredAsync();
    }

    [Fact]
    public async Task A_conversation_update_with_an_unknown_event_type_is_accepted_and_ignored()
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, string.Empty);
        activity["type"] = "conversationUpdate";
        activity["channelData"] = new JsonObject { ["eventType"] = "channelArchivedInTheFuture", ["tenant"] = new JsonObject { ["id"] = TeamsActivities.TenantId } };

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertOnlyTheFollowUpIsAnsweredAsync();
    }

    [Fact]
    public async Task When_Teams_refuses_the_reply_the_bot_still_answers_200()
    {
        connector.AnswerNextWith(400, """{"error":{"code":"BadArgument","message":"nope"}}""");
        connector.AnswerNextWith(400, """{"error":{"code":"BadArgument","message":"nope"}}""");

        var response = await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "hilfe"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The help card was refused, then the apology was tried once more.
        Assert.Equal(2, (await connector.WaitForCallsAsync(2)).Count);
    }
}
