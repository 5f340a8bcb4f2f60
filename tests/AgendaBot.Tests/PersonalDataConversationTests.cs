using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests;

/// <summary>A person asks what the bot knows about them, and asks it to forget them.</summary>
public sealed class PersonalDataConversationTests : IAsyncLifetime
{
    private readonly string tenantId = $"tenant-{Guid.NewGuid():N}";
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

    private JsonObject InOurTenant(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        return activity;
    }

    private async Task<JsonObject?> SendAsync(JsonObject activity)
    {
        var response = await bot.Http.PostAsJsonAsync("api/messages", InOurTenant(activity));
        return activity["type"]?.GetValue<string>() == "invoke" ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    [Fact]
    public async Task Installing_the_bot_in_a_personal_chat_remembers_the_conversation()
    {
        await SendAsync(TeamsActivities.Installed(connector.ServiceUrl));

        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        var reference = await references.FindPersonalChatAsync(new TenantScope(tenantId), "a0000000-0000-0000-0000-000000000001");
        Assert.Equal("a:personal-chat", reference?.ConversationId);
        Assert.Equal(connector.ServiceUrl, reference?.ServiceUrl);
    }

    [Fact]
    public async Task Asking_for_my_data_in_a_channel_is_redirected_to_the_personal_chat()
    {
        await SendAsync(TeamsActivities.ChannelMention(connector.ServiceUrl, "meine daten"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.StartsWith("Ihre persönlichen Daten zeige und lösche ich nur im persönlichen Chat", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_lists_what_is_stored_about_me()
    {
        await SendAsync(TeamsActivities.Installed(connector.ServiceUrl));
        await connector.WaitForCallsAsync(1);

        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "meine daten"));

        var reply = (await connector.WaitForCallsAsync(2))[1];
        var said = string.Join("\n", AgendaBot.Tests.Workshops.WorkshopRoom.Texts(reply.Card));
        Assert.Contains("Ihre gespeicherten Daten", said, StringComparison.Ordinal);
        Assert.Contains("Ihr persönlicher Chat mit dem Bot, damit er Ihnen schreiben kann", said, StringComparison.Ordinal);
        Assert.DoesNotContain("a:personal-chat", reply.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_stored_my_data_says_so()
    {
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "my data", locale: "en-US"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("I have no data stored about you.", reply.Text);
    }

    [Fact]
    public async Task Deleting_my_data_asks_first_and_then_forgets_my_chat()
    {
        await SendAsync(TeamsActivities.Installed(connector.ServiceUrl));
        await SendAsync(TeamsActivities.Message(connector.ServiceUrl, "daten löschen"));
        var question = (await connector.WaitForCallsAsync(2))[1];
        Assert.Equal("personalData.erase", question.Card?["actions"]?[0]?["verb"]?.GetValue<string>());

        var answer = await SendAsync(TeamsActivities.Execute(connector.ServiceUrl, "personalData.erase"));

        Assert.StartsWith("Erledigt: 1 Eintrag wurde gelöscht oder anonymisiert.\n\nNicht erreichen kann der Bot: Nachrichten, die jemand inzwischen gelöscht hat;",
            AgendaBot.Tests.Workshops.WorkshopRoom.Texts(answer?["value"]).First(), StringComparison.Ordinal);
        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        Assert.Null(await references.GetAsync(new TenantScope(tenantId), "a:personal-chat"));
    }
}
