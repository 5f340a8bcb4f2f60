using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using AgendaBot.Tests.Authentication;
using AgendaBot.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgendaBot.Tests;

/// <summary>
/// Teams is the only door: who acts, and for which tenant, is read only from Teams activities of the tenants the bot
/// serves. Anything else is refused with 403 and a reason before any handler runs — nothing stored, nothing sent.
/// The probe is a personal-chat installation, which otherwise stores a conversation reference and welcomes the person.
/// </summary>
public sealed class TeamsDoorTests : IAsyncLifetime
{
    private const string ServedTenant = "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d";
    private const string OtherTenant = "0badc0de-0000-4000-8000-00000000beef";
    private RecordingConnector connector = null!;

    public async Task InitializeAsync() => connector = await RecordingConnector.StartAsync();

    public async Task DisposeAsync() => await connector.DisposeAsync();

    private static BotServer Bot(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        settings ??= [];
        settings["Storage:TablePrefix"] = $"door{Guid.NewGuid():N}"[..12];
        return new BotServer(settings, services);
    }

    private JsonObject Installation(string? tenant = ServedTenant, string channel = "msteams")
    {
        var activity = TeamsActivities.Installed(connector.ServiceUrl);
        activity["channelId"] = channel;
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"] = tenant is null ? new JsonObject() : new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        return activity;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reasonMentions)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(reasonMentions, problem?["title"]?.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task AssertNothingStoredAsync(BotServer bot, string tenant)
    {
        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        Assert.Null(await references.GetAsync(new TenantScope(tenant), "a:personal-chat"));
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS-not")]
    public async Task An_activity_from_another_channel_than_Teams_is_refused_and_nothing_is_stored(string channel)
    {
        await using var bot = Bot();

        var response = await bot.Http.PostAsJsonAsync("api/messages", Installation(channel: channel));

        await AssertRefusedAsync(response, "channel");
        await AssertNothingStoredAsync(bot, ServedTenant);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_activity_without_a_channel_id_is_refused()
    {
        await using var bot = Bot();
        var activity = Installation();
        activity.Remove("channelId");

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        await AssertRefusedAsync(response, "channel");
        await AssertNothingStoredAsync(bot, ServedTenant);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task A_channel_on_the_allow_list_is_served()
    {
        await using var bot = Bot(new() { ["MessageEndpoint:AllowedChannels:0"] = "msteams", ["MessageEndpoint:AllowedChannels:1"] = "webchat" });

        var response = await bot.Http.PostAsJsonAsync("api/messages", Installation(channel: "webchat"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        Assert.NotNull(await references.GetAsync(new TenantScope(ServedTenant), "a:personal-chat"));
    }

    [Fact]
    public async Task A_genuine_channel_token_for_webchat_cannot_speak_for_a_Teams_user()
    {
        // The audit's probe: a correctly signed token for another channel, carrying a victim's tenant and object id.
        await using var bot = await SecuredBot.StartAsync();
        var activity = bot.HelpMessage();
        activity["channelId"] = "webchat";

        var response = await bot.PostAsync(activity, bot.ValidToken() with { Key = TokenSigningKey.EndorsedForAnotherChannel });

        await AssertRefusedAsync(response, "channel");
        Assert.Empty(bot.Connector.Calls);
    }

    [Theory]
    [InlineData("Bot:AllowedTenants:0")]
    [InlineData("Bot:TenantId")]
    public async Task An_activity_from_a_tenant_not_served_is_refused_and_nothing_is_stored(string setting)
    {
        await using var bot = Bot(new() { [setting] = ServedTenant });

        var response = await bot.Http.PostAsJsonAsync("api/messages", Installation(OtherTenant));

        await AssertRefusedAsync(response, "tenant");
        await AssertNothingStoredAsync(bot, OtherTenant);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_activity_without_a_tenant_is_refused_when_tenants_are_listed()
    {
        await using var bot = Bot(new() { ["Bot:AllowedTenants:0"] = ServedTenant });

        var response = await bot.Http.PostAsJsonAsync("api/messages", Installation(tenant: null));

        await AssertRefusedAsync(response, "tenant");
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task An_activity_whose_conversation_and_channel_data_name_different_tenants_is_refused()
    {
        await using var bot = Bot();
        var activity = Installation(ServedTenant);
        activity["channelData"]!["tenant"]!["id"] = OtherTenant;

        var response = await bot.Http.PostAsJsonAsync("api/messages", activity);

        await AssertRefusedAsync(response, "tenant");
        await AssertNothingStoredAsync(bot, ServedTenant);
        await AssertNothingStoredAsync(bot, OtherTenant);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task A_listed_tenant_is_served()
    {
        await using var bot = Bot(new() { ["Bot:AllowedTenants:0"] = OtherTenant, ["Bot:AllowedTenants:1"] = ServedTenant });

        var response = await bot.Http.PostAsJsonAsync("api/messages", Installation(ServedTenant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        Assert.NotNull(await references.GetAsync(new TenantScope(ServedTenant), "a:personal-chat"));
    }

    [Fact]
    public async Task The_start_up_log_says_which_tenants_are_served()
    {
        var listed = new CapturingLoggerProvider();
        var everyone = new CapturingLoggerProvider();

        await using (Bot(new() { ["Bot:AllowedTenants:0"] = ServedTenant, ["Bot:AllowedTenants:1"] = OtherTenant },
            services => services.AddSingleton<ILoggerProvider>(listed)))
        await using (Bot(services: services => services.AddSingleton<ILoggerProvider>(everyone)))
        {
            Assert.Contains(listed.Lines, line => line.Contains($"Serving tenants {ServedTenant}, {OtherTenant}", StringComparison.Ordinal));
            Assert.Contains(everyone.Lines, line => line.Contains("Serving all tenants", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_Teams_activity_without_the_persons_Entra_object_id_does_not_act_for_anybody()
    {
        // Teams' own channel account id is not the person: only the Entra object id is stable and names them.
        await using var bot = Bot();
        var activity = Installation();
        activity["from"]!.AsObject().Remove("aadObjectId");

        await bot.Http.PostAsJsonAsync("api/messages", activity);

        await AssertNothingStoredAsync(bot, ServedTenant);
        var references = bot.Services.GetRequiredService<ConversationReferenceRepository>();
        Assert.Null(await references.FindPersonalChatAsync(new TenantScope(ServedTenant), "29:anna"));
    }
}
