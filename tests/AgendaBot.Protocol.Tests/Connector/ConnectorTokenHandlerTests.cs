using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>The bot's own token is fetched once, reused while fresh, and renewed shortly before it expires.</summary>
public sealed class ConnectorTokenHandlerTests : IAsyncLifetime
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ConnectorOptions options = new() { TokenRefreshMargin = TimeSpan.FromMinutes(5) };
    private readonly CountingCredential credential;
    private RecordingConnector teams = null!;
    private HttpClient http = null!;
    private ConnectorClient connector = null!;

    public ConnectorTokenHandlerTests() => credential = new CountingCredential(time, TokenLifetime);

    public async Task InitializeAsync()
    {
        teams = await RecordingConnector.StartAsync();
        http = new HttpClient(new ConnectorTokenHandler(credential, Options.Create(options), time)
        {
            InnerHandler = new SocketsHttpHandler(),
        });
        connector = new ConnectorClient(http);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await teams.DisposeAsync();
    }

    private Task<ResourceResponse> SendAsync() =>
        connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", new Activity { Text = "Hi" });

    [Fact]
    public async Task Every_call_carries_the_bots_token_as_a_bearer()
    {
        await SendAsync();

        Assert.Equal("Bearer token-1", Assert.Single(teams.Calls).Authorization);
    }

    [Fact]
    public async Task The_token_is_asked_for_the_Bot_Framework_scope()
    {
        await SendAsync();

        Assert.Equal(["https://api.botframework.com/.default"], credential.LastScopes);
    }

    [Fact]
    public async Task The_token_is_fetched_once_and_reused_while_fresh()
    {
        await SendAsync();
        time.Advance(TokenLifetime - options.TokenRefreshMargin - TimeSpan.FromSeconds(1));
        await SendAsync();
        await SendAsync();

        Assert.Equal(1, credential.Requests);
        Assert.All(teams.Calls, call => Assert.Equal("Bearer token-1", call.Authorization));
    }

    [Fact]
    public async Task The_token_is_renewed_once_it_is_within_the_refresh_margin_of_expiry()
    {
        await SendAsync();
        time.Advance(TokenLifetime - options.TokenRefreshMargin);
        await SendAsync();

        Assert.Equal(2, credential.Requests);
        Assert.Equal("Bearer token-2", teams.Calls[1].Authorization);
    }

    [Fact]
    public async Task Calls_that_start_together_share_one_token_request()
    {
        credential.HoldRequests();
        var sends = Enumerable.Range(0, 8).Select(_ => SendAsync()).ToList();
        await credential.WaitUntilAskedAsync();

        credential.ReleaseRequests();
        await Task.WhenAll(sends);

        Assert.Equal(1, credential.Requests);
        Assert.All(teams.Calls, call => Assert.Equal("Bearer token-1", call.Authorization));
    }
}
