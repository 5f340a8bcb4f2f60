using System.Net;
using AgendaBot.Testing;
using AgendaBot.Tests.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace AgendaBot.Tests;

/// <summary>Only an RS256 signature by a key the channel published counts.</summary>
public sealed class TokenSignatureTests : IAsyncLifetime
{
    private SecuredBot bot = null!;

    public async Task InitializeAsync() => bot = await SecuredBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Token_signed_by_a_key_the_channel_never_published_is_refused()
    {
        var token = bot.ValidToken() with { Key = TokenSigningKey.Unknown };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_signed_by_a_published_key_but_naming_an_unknown_key_id_is_refused()
    {
        var token = bot.ValidToken() with { KeyId = "a-key-id-nobody-published" };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_signed_with_a_shared_secret_HS256_is_refused()
    {
        var token = bot.ValidToken() with { Algorithm = SecurityAlgorithms.HmacSha256 };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var token = bot.ValidToken() with { Algorithm = SecurityAlgorithms.None };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task Token_signed_by_the_published_key_with_another_algorithm_than_RS256_is_refused()
    {
        var token = bot.ValidToken() with { Algorithm = SecurityAlgorithms.RsaSha512 };

        var response = await bot.PostAsync(bot.HelpMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Calls);
    }
}
