using System.Net;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgendaBot.Protocol.Tests.Authentication;

/// <summary>
/// Without an app id the bot runs in development mode: no token is checked, so only callers on this machine are let in.
/// A real socket here always comes from loopback, hence the authenticator is asked directly about other addresses
/// (no traffic goes anywhere: they are just values).
/// </summary>
public sealed class DevelopmentModeTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly BotRequestAuthenticator authenticator;

    private static readonly Activity Message = new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:56150/",
        Conversation = new ConversationAccount { Id = "a:personal-chat" },
        Text = "help",
    };

    public DevelopmentModeTests() =>
        authenticator = new BotRequestAuthenticator(
            Options.Create(new BotAuthenticationOptions { AppId = "" }), services.GetRequiredService<IHttpClientFactory>());

    public void Dispose() => services.Dispose();

    [Fact]
    public void Without_an_app_id_the_authenticator_is_in_development_mode() =>
        Assert.True(authenticator.IsDevelopmentMode);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Loopback_caller_without_a_token_is_accepted(string address)
    {
        var verdict = await authenticator.AuthenticateAsync(null, Message, IPAddress.Parse(address), CancellationToken.None);

        Assert.True(verdict.Succeeded);
    }

    [Fact]
    public async Task Caller_from_another_machine_is_forbidden()
    {
        var verdict = await authenticator.AuthenticateAsync(null, Message, IPAddress.Parse("10.1.2.3"), CancellationToken.None);

        Assert.False(verdict.Succeeded);
        Assert.Equal(403, verdict.StatusCode);
    }

    [Fact]
    public async Task Caller_from_another_machine_is_forbidden_even_with_a_bearer_token()
    {
        var verdict = await authenticator.AuthenticateAsync(
            "Bearer eyJhbGciOiJub25lIn0.e30.", Message, IPAddress.Parse("10.1.2.3"), CancellationToken.None);

        Assert.Equal(403, verdict.StatusCode);
    }

    [Fact]
    public async Task Caller_whose_address_is_unknown_is_forbidden()
    {
        var verdict = await authenticator.AuthenticateAsync(null, Message, remoteAddress: null, CancellationToken.None);

        Assert.Equal(403, verdict.StatusCode);
    }
}
