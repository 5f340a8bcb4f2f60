using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests;

/// <summary>Card buttons: Action.Execute answered in the HTTP response, Action.Submit through the connector.</summary>
public sealed class CardActionTests : IAsyncLifetime
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

    private async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Clicking_show_help_on_the_welcome_card_turns_it_into_the_help_card()
    {
        var answer = await InvokeAsync(TeamsActivities.Execute(connector.ServiceUrl, "help.show"));

        Assert.Equal(200, answer["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]?.GetValue<string>());
        Assert.Equal("So arbeiten Sie mit AgendaBot", answer["value"]?["body"]?[0]?["text"]?.GetValue<string>());
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_unknown_verb_gets_a_friendly_message_in_German()
    {
        var answer = await InvokeAsync(TeamsActivities.Execute(connector.ServiceUrl, "vote.castForEverything"));

        Assert.Equal(200, answer["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]?.GetValue<string>());
        Assert.StartsWith("Diese Schaltfläche kenne ich nicht", answer["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_gets_a_friendly_message_in_English_for_an_English_client()
    {
        var answer = await InvokeAsync(TeamsActivities.Execute(connector.ServiceUrl, "no.such.verb", locale: "en-US"));

        Assert.StartsWith("I do not know this button", answer["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invoke_without_an_action_is_answered_like_an_unknown_verb()
    {
        var activity = TeamsActivities.Execute(connector.ServiceUrl, "help.show");
        activity["value"] = new JsonObject { ["action"] = "not an object" };

        var answer = await InvokeAsync(activity);

        Assert.StartsWith("Diese Schaltfläche kenne ich nicht", answer["value"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_submit_fallback_of_show_help_replaces_the_clicked_card_in_place()
    {
        await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Submit(connector.ServiceUrl, "help.show", replyToId: "welcome-1"));

        var update = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/welcome-1", update.Path, StringComparison.Ordinal);
        Assert.Equal("So arbeiten Sie mit AgendaBot", update.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_submit_fallback_with_an_unknown_verb_answers_with_a_message()
    {
        await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Submit(connector.ServiceUrl, "gone.away", replyToId: "old-card"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.StartsWith("Diese Schaltfläche kenne ich nicht", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_card_offers_help_as_Action_Execute_with_a_Submit_fallback()
    {
        await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Installed(connector.ServiceUrl));

        var card = Assert.Single(await connector.WaitForCallsAsync(1)).Card!;
        var action = card["actions"]![0]!;
        Assert.Equal("Action.Execute", action["type"]?.GetValue<string>());
        Assert.Equal("help.show", action["verb"]?.GetValue<string>());
        Assert.Equal("Action.Submit", action["fallback"]?["type"]?.GetValue<string>());
        Assert.Equal("help.show", action["fallback"]?["data"]?["verb"]?.GetValue<string>());
    }
}
