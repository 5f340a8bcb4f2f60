using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

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

    [Fact]
    public async Task A_mention_in_a_channel_is_stripped_before_the_command_is_read()
    {
        await SendAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "hilfe"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Contains("/v3/conversations/19%3Aworkshop%40thread.tacv2%3Bmessageid%3D1/activities/", reply.Path, StringComparison.Ordinal);
        Assert.Equal("So arbeiten Sie mit AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Text_the_bot_does_not_understand_gets_a_hint_to_type_hilfe()
    {
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "Wie wird das Wetter morgen?"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("Das habe ich leider nicht verstanden. Schreiben Sie **hilfe**, um zu sehen, was ich kann.", reply.Text);
        Assert.Equal("markdown", reply.Body?["textFormat"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_locale_gets_German()
    {
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "hilfe", locale: "fr-FR"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("So arbeiten Sie mit AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_bot_being_added_as_a_member_does_not_greet_a_second_time()
    {
        var added = TeamsActivities.Message(connector.ServiceUrl, string.Empty);
        added["type"] = "conversationUpdate";
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsActivities.BotId });

        var response = await SendAsync(added);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy()
    {
        var response = await bot.Http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_local_client_can_probe_the_endpoint_with_HEAD()
    {
        using var probe = new HttpRequestMessage(HttpMethod.Head, "api/messages");

        var response = await bot.Http.SendAsync(probe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
