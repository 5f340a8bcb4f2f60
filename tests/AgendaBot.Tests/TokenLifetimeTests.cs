using System.Net;
using AgendaBot.Tests.Authentication;

namespace AgendaBot.Tests;

/// <summary>A channel token is honoured only in its lifetime, give or take the five minutes of clock skew.</summary>
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private SecuredBot bot = null!;

    public async Task InitializeAsync() => bot = await SecuredBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Token_expired_longer_ago_than_the_clock_skew_is_refused()
    {
        var expired = DateTimeOffset.UtcNow.AddMinutes(-6);
        var token = bot.ValidToken() with { NotBefore = expired.AddHours(-1), Expires = expired };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_expired_within_the_clock_skew_is_still_accepted()
    {
        var expired = DateTimeOffset.UtcNow.AddMinutes(-2);
        var token = bot.ValidToken() with { NotBefore = expired.AddHours(-1), Expires = expired };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await bot.Connector.WaitForCallsAsync(1));
    }

    [Fact]
    public async Task Token_not_valid_until_later_than_the_clock_skew_is_refused()
    {
        var validFrom = DateTimeOffset.UtcNow.AddMinutes(10);
        var token = bot.ValidToken() with { NotBefore = validFrom, Expires = validFrom.AddHours(1) };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }
}
