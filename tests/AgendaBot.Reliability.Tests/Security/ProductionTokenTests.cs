using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using Microsoft.IdentityModel.Tokens;

namespace AgendaBot.Reliability.Tests.Security;

/// <summary>The bot process as deployed: ASPNETCORE_ENVIRONMENT=Production, an app id, a client-secret credential.</summary>
public sealed class ProductionBot : IAsyncLifetime
{
    public const string AppId = "5f0c9b1e-agendabot-prod-app";

    public LocalOpenIdServer OpenId { get; private set; } = null!;
    public RecordingConnector Connector { get; private set; } = null!;
    public BotProcess Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenId = await LocalOpenIdServer.StartAsync();
        Connector = await RecordingConnector.StartAsync();
        Bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Bot:AppId"] = AppId,
            // The tenant of the app registration is the one the bot serves: the tenant of TeamsActivities.
            ["Bot:TenantId"] = TeamsActivities.TenantId,
            ["Bot:CredentialKind"] = "ClientSecret",
            // Never used: every request below is either refused or answered in the HTTP response, without a post.
            ["Bot:ClientSecret"] = "not-a-real-secret",
            ["Bot:OpenIdMetadataUrl"] = OpenId.MetadataUrl.AbsoluteUri,
            ["Bot:RequireHttpsMetadata"] = "false",
            // The recording connector listens on loopback http; Teams' service URLs are https.
            ["Bot:RequireHttpsServiceUrl"] = "false",
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = "prod",
            ["WeeklyPosts:Enabled"] = "false",
        }, environment: "Production");
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}

/// <summary>
/// The forged-token matrix of AgendaBot.Tests (AuthenticationTests, TokenSignatureTests, TokenLifetimeTests) again, but
/// against the bot process in production mode: each forgery is refused with 401/403 and the bot sends nothing.
/// </summary>
public sealed class ProductionTokenTests(ProductionBot fixture) : IClassFixture<ProductionBot>
{
    public static readonly IReadOnlyDictionary<string, Func<ChannelToken, ChannelToken>> Forgeries = new Dictionary<string, Func<ChannelToken, ChannelToken>>
    {
        ["another audience"] = t => t with { Audience = "some-other-bot-app-id" },
        ["another issuer"] = t => t with { Issuer = "https://sts.windows.net/attacker-tenant/" },
        ["expired an hour ago"] = t => t with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddHours(-1) },
        ["not valid before tomorrow"] = t => t with { NotBefore = DateTimeOffset.UtcNow.AddDays(1), Expires = DateTimeOffset.UtcNow.AddDays(2) },
        ["key never published"] = t => t with { Key = TokenSigningKey.Unknown },
        ["key endorsed for another channel"] = t => t with { Key = TokenSigningKey.EndorsedForAnotherChannel },
        ["unknown key id"] = t => t with { KeyId = "a-key-id-nobody-published" },
        ["HS256 shared secret"] = t => t with { Algorithm = SecurityAlgorithms.HmacSha256 },
        ["alg none"] = t => t with { Algorithm = SecurityAlgorithms.None },
        ["RS512 instead of RS256"] = t => t with { Algorithm = SecurityAlgorithms.RsaSha512 },
        ["service URL of another host"] = t => t with { ServiceUrl = "http://127.0.0.1:1/" },
    };

    public static IEnumerable<object[]> ForgeryNames() => Forgeries.Keys.Select(k => new object[] { k });

    private JsonObject UnknownVerbClick() =>
        TeamsActivities.Execute(fixture.Connector.ServiceUrl, "no.such.verb", locale: "en-US");

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await fixture.Bot.Http.SendAsync(request);
    }

    private string Bearer(ChannelToken token) => $"Bearer {fixture.OpenId.CreateToken(token)}";

    private ChannelToken Valid() => ChannelToken.For(ProductionBot.AppId, fixture.Connector.ServiceUrl);

    [Fact]
    public async Task A_genuine_channel_token_is_accepted_in_production()
    {
        var response = await PostAsync(UnknownVerbClick(), Bearer(Valid()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("application/vnd.microsoft.activity.message", answer?["type"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ForgeryNames))]
    public async Task A_forged_token_is_refused_in_production(string forgery)
    {
        var response = await PostAsync(UnknownVerbClick(), Bearer(Forgeries[forgery](Valid())));

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{forgery}: {(int)response.StatusCode}");
        Assert.Empty(fixture.Connector.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt.at.all")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_request_without_a_usable_token_is_refused_in_production(string? authorization)
    {
        var response = await PostAsync(UnknownVerbClick(), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(fixture.Connector.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt.at.all")]
    public async Task A_garbage_body_without_a_valid_token_gets_401_not_a_parser_message(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent("{\"type\":\"message\",\"entities\":[nul", System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await fixture.Bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("malformed", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(fixture.Connector.Calls);
    }

    [Fact]
    public async Task A_genuine_token_with_a_service_url_that_is_not_https_gets_400_not_500()
    {
        var activity = UnknownVerbClick();
        activity["serviceUrl"] = "javascript:alert(1)";

        var response = await PostAsync(activity, Bearer(Valid() with { ServiceUrl = "javascript:alert(1)" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(fixture.Connector.Calls);
    }

    [Fact]
    public async Task A_genuine_token_for_another_tenant_than_the_bots_is_refused()
    {
        var activity = UnknownVerbClick();
        activity["conversation"]!["tenantId"] = "0badc0de-0000-4000-8000-00000000beef";
        activity["channelData"]!["tenant"]!["id"] = "0badc0de-0000-4000-8000-00000000beef";

        var response = await PostAsync(activity, Bearer(Valid()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(fixture.Connector.Calls);
    }
}
