using System.Net;
using AgendaBot.Tests.Authentication;

namespace AgendaBot.Tests;

/// <summary>
/// The bot with an app id accepts only what the Bot Framework channel sent. A refused request must change nothing:
/// the connector hears nothing from the bot.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private SecuredBot bot = null!;

    public async Task InitializeAsync() => bot = await SecuredBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Valid_channel_token_is_accepted_and_the_bot_answers()
    {
        var response = await bot.PostAsync(bot.HelpMessage(), bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await bot.Connector.WaitForCallsAsync(1));
        Assert.Equal("How to work with AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_answer_carries_the_bots_own_credential_token_not_the_channels()
    {
        await bot.PostAsync(bot.HelpMessage(), bot.ValidToken());

        var reply = Assert.Single(await bot.Connector.WaitForCallsAsync(1));
        Assert.Equal($"Bearer {bot.Credential.Token}", reply.Authorization);
    }

    [Fact]
    public async Task A_retried_answer_carries_the_bots_token_again()
    {
        bot.Connector.AnswerNextWith(503);

        await bot.PostAsync(bot.HelpMessage(), bot.ValidToken());

        var attempts = await bot.Connector.WaitForCallsAsync(2);
        Assert.All(attempts, call => Assert.Equal($"Bearer {bot.Credential.Token}", call.Authorization));
    }

    [Fact]
    public async Task Request_without_a_token_is_refused()
    {
        var response = await bot.PostAsync(bot.HelpMessage(), bearerToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Garbage_instead_of_a_token_is_refused()
    {
        var response = await bot.PostAsync(bot.HelpMessage(), "not-a-jwt.at.all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task The_token_is_checked_before_the_body_is_read(string body)
    {
        // A caller without a valid token learns nothing about how the bot parses what it sends.
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.Server.MessagesEndpoint)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-jwt.at.all");

        var response = await bot.Server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("malformed", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Token_for_another_audience_is_refused()
    {
        var token = bot.ValidToken() with { Audience = "some-other-bot-app-id" };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var token = bot.ValidToken() with { Issuer = "https://sts.windows.net/attacker-tenant/" };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }
}
