using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;

namespace AgendaBot.Tests;

/// <summary>Conversations with the real bot pipeline; Teams' side is a recording connector on loopback.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        bot = new BotServer();
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject activity) =>
        await bot.Http.PostAsJsonAsync("api/messages", activity);

    [Fact]
    public async Task Installing_the_bot_greets_with_a_welcome_card_in_German()
    {
        var response = await SendAsync(TeamsActivities.Installed(connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("POST", greeting.Method);
        Assert.StartsWith("/v3/conversations/a%3Apersonal-chat/activities/", greeting.Path, StringComparison.Ordinal);
        Assert.Equal("Willkommen bei AgendaBot", greeting.Card?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Equal("1.5", greeting.Card?["version"]?.GetValue<string>());
    }

    [Fact]
    public async Task Help_in_English_answers_with_the_English_help_card()
    {
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "help", locale: "en-US"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("How to work with AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }
}
