using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("data:text/plain,hallo")]
    [InlineData("/v3/conversations")]
    [InlineData("ws://127.0.0.1:1/")]
    public async Task A_service_url_that_is_not_https_is_refused_with_400_and_nothing_is_sent(string serviceUrl)
    {
        var response = await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message(serviceUrl, "hilfe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("serviceUrl", problem?["title"]?.GetValue<string>(), StringComparison.Ordinal);
        await AssertOnlyTheFollowUpIsAnsweredAsync();
    }

    [Fact]
    public async Task In_development_mode_a_plain_http_service_url_must_be_loopback()
    {
        // The bot would otherwise post the conversation, unencrypted, to whatever host the activity names.
        var response = await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message("http://agendabot.invalid/", "hilfe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("serviceUrl", problem?["title"]?.GetValue<string>(), StringComparison.Ordinal);
        await AssertOnlyTheFollowUpIsAnsweredAsync();
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("[5]")]
    [InlineData("[\"mention\"]")]
    [InlineData("[[{\"type\":\"mention\"}]]")]
    [InlineData("[null,{\"type\":\"mention\",\"mentioned\":null,\"text\":\"x\"},true]")]
    [InlineData("5")]
    [InlineData("\"entities\"")]
    [InlineData("{}")]
    public async Task Entities_that_are_no_objects_are_ignored_and_the_command_still_answered(string entities)
    {
        var activity = TeamsActivities.Message(connector.ServiceUrl, "hilfe");
        activity["entities"] = JsonNode.Parse(entities);

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("So arbeiten Sie mit AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Entities_nested_too_deep_are_refused_with_400()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        var body = TeamsActivities.Message(connector.ServiceUrl, "hilfe").ToJsonString()
            .Replace("\"entities\":[", $"\"entities\":[{deep},", StringComparison.Ordinal);

        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertOnlyTheFollowUpIsAnsweredAsync();
    }

    [Fact]
    public async Task In_development_mode_an_unexpected_failure_is_answered_with_a_reason_not_a_stack_trace()
    {
        // A fault outside the handlers (here: reading the language settings) must not show the developer exception page.
        await using var developer = new BotServer(
            new Dictionary<string, string?> { ["environment"] = "Development" },
            services => services.AddSingleton<IOptions<BotLocalizationOptions>>(new FailingOptions()));

        var response = await developer.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "hilfe"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.Contains("log", JsonNode.Parse(body)?["title"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    private sealed class FailingOptions : IOptions<BotLocalizationOptions>
    {
        public BotLocalizationOptions Value => throw new InvalidOperationException("the settings store is gone");
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
