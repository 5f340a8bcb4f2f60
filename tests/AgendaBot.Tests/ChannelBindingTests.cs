using System.Net;
using AgendaBot.Testing;
using AgendaBot.Tests.Authentication;

namespace AgendaBot.Tests;

/// <summary>
/// A genuine token is bound to one channel and one service URL: it cannot make the bot answer elsewhere, nor speak
/// for a channel its signing key is not endorsed for. Such requests are forbidden (403).
/// </summary>
public sealed class ChannelBindingTests : IAsyncLifetime
{
    private SecuredBot bot = null!;

    public async Task InitializeAsync() => bot = await SecuredBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Token_for_another_service_url_than_the_activitys_is_forbidden()
    {
        var token = bot.ValidToken() with { ServiceUrl = "https://smba.trafficmanager.net/emea/" };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_without_a_service_url_claim_is_forbidden()
    {
        var token = bot.ValidToken() with { ServiceUrl = null };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_signed_by_a_key_not_endorsed_for_msteams_is_forbidden()
    {
        var token = bot.ValidToken() with { Key = TokenSigningKey.EndorsedForAnotherChannel };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Activity_claiming_another_channel_than_the_key_is_endorsed_for_is_forbidden()
    {
        var activity = bot.HelpMessage();
        activity["channelId"] = "webchat";

        var response = await bot.PostAsync(activity, bot.ValidToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }
}
