using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests;

/// <summary>
/// Drives the real bot through every conversation that ends in a card, in German and in English, and names the
/// cards after the conversation (<c>artifacts/cards/welcome-de-1.json</c>, …). <c>scripts/cards/check-cards.mjs</c>
/// then validates and renders them for the card gallery, so the gallery has every card even if other tests change.
/// Add a conversation here when a feature adds a card.
/// </summary>
public sealed partial class CardCorpusTests : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public static TheoryData<string> Locales => new() { "de-DE", "en-US" };

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

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Welcome_card_when_the_bot_is_installed(string locale)
    {
        var card = await SentCardAsync("welcome", locale, TeamsActivities.Installed(connector.ServiceUrl, locale));

        Assert.Equal("help.show", card["actions"]?[0]?["verb"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Help_card_when_the_user_asks_for_help(string locale)
    {
        var command = Language(locale) == "de" ? "hilfe" : "help";

        var card = await SentCardAsync("help", locale, TeamsActivities.Message(connector.ServiceUrl, command, locale));

        Assert.IsType<JsonArray>(card["body"]?[2]?["facts"]);
        Assert.IsType<JsonArray>(card["body"]?[4]?["facts"]);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Erase_card_when_the_user_asks_to_delete_their_data(string locale)
    {
        var command = Language(locale) == "de" ? "daten löschen" : "delete my data";
        await RememberPersonalChatAsync();

        var card = await SentCardAsync("erase-personal-data", locale, TeamsActivities.Message(connector.ServiceUrl, command, locale));

        Assert.Equal("personalData.erase", card["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Equal("personalData.eraseCancel", card["actions"]?[1]?["verb"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task My_data_card_when_the_user_asks_for_their_data(string locale)
    {
        var command = Language(locale) == "de" ? "meine daten" : "my data";
        await RememberPersonalChatAsync();

        var card = await SentCardAsync("my-data", locale, TeamsActivities.Message(connector.ServiceUrl, command, locale));

        Assert.Equal("Action.OpenUrl", card["actions"]?[0]?["type"]?.GetValue<string>());
    }

    // The user of the corpus's activities has talked to the bot before, so there is something stored about them.
    private Task RememberPersonalChatAsync() =>
        bot.Services.GetRequiredService<AgendaBot.Storage.Conversations.ConversationReferenceRepository>().SaveAsync(
            new AgendaBot.Domain.People.ConversationReference(TeamsActivities.TenantId, "a:personal-chat", connector.ServiceUrl, TeamsActivities.BotId,
                "personal", null, null, "a0000000-0000-0000-0000-000000000001", DateTimeOffset.UtcNow));

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Help_card_replacing_the_welcome_card_after_Action_Execute(string locale)
    {
        bot.CardScenario = $"help-from-welcome-button-{Language(locale)}";

        var response = await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Execute(connector.ServiceUrl, "help.show", locale: locale));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(CardCorpus.AdaptiveCardContentType, answer?["type"]?.GetValue<string>());
        Assert.Equal(Language(locale), answer?["value"]?["lang"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Help_card_replacing_the_welcome_card_after_the_Action_Submit_fallback(string locale)
    {
        var card = await SentCardAsync("help-from-welcome-submit", locale,
            TeamsActivities.Submit(connector.ServiceUrl, "help.show", replyToId: "welcome-1", locale: locale));

        Assert.Equal("PUT", Assert.Single(connector.Calls).Method);
        Assert.NotNull(card["body"]);
    }

    /// <summary>Sends the activity and returns the one card the bot sent through the connector.</summary>
    private async Task<JsonNode> SentCardAsync(string scenario, string locale, JsonObject activity)
    {
        connector.CardScenario = $"{scenario}-{Language(locale)}";

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(await connector.WaitForCallsAsync(1)).Card;
        Assert.NotNull(card);
        Assert.Equal(Language(locale), card["lang"]?.GetValue<string>());
        return card;
    }

    private static string Language(string locale) => locale[..2];
}
