using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Authentication;

/// <summary>
/// The real bot with an app id, as deployed: it checks channel tokens against a local OpenID server and answers through a
/// recording connector, with a fixed outbound credential instead of Entra.
/// </summary>
internal sealed class SecuredBot : IAsyncDisposable
{
    public const string AppId = "5f0c9b1e-agendabot-app-id";

    private SecuredBot(LocalOpenIdServer openId, RecordingConnector connector, FixedTokenCredential credential, BotServer server)
    {
        OpenId = openId;
        Connector = connector;
        Credential = credential;
        Server = server;
    }

    public LocalOpenIdServer OpenId { get; }

    public RecordingConnector Connector { get; }

    public FixedTokenCredential Credential { get; }

    public BotServer Server { get; }

    /// <param name="settings">More settings, or settings that replace these.</param>
    /// <param name="configureServices">More services for the bot, e.g. a capturing logger.</param>
    /// <param name="credential">The bot's outbound credential; by default a fixed token.</param>
    public static async Task<SecuredBot> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null, FixedTokenCredential? credential = null)
    {
        var openId = await LocalOpenIdServer.StartAsync();
        var connector = await RecordingConnector.StartAsync();
        credential ??= new FixedTokenCredential();
        var merged = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:OpenIdMetadataUrl"] = openId.MetadataUrl.AbsoluteUri,
            ["Bot:RequireHttpsMetadata"] = "false",
            // The recording connector listens on loopback http; Teams' service URLs are https.
            ["Bot:RequireHttpsServiceUrl"] = "false",
            // Retries back off briefly, so that a test of a retried answer does not wait half a second.
            ["Connector:BaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var server = new BotServer(merged, services =>
        {
            services.AddSingleton<TokenCredential>(credential);
            configureServices?.Invoke(services);
        });
        return new SecuredBot(openId, connector, credential, server);
    }

    /// <summary>A message asking for help, sent by Teams to this bot: it makes the bot answer through the connector.</summary>
    public JsonObject HelpMessage() => TeamsActivities.Message(Connector.ServiceUrl, "help", locale: "en-US");

    /// <summary>A token exactly as the channel would mint it for this message; tests spoil one detail at a time.</summary>
    public ChannelToken ValidToken() => ChannelToken.For(AppId, Connector.ServiceUrl);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, ChannelToken token) =>
        PostAsync(activity, OpenId.CreateToken(token));

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? bearerToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.MessagesEndpoint)
        {
            Content = JsonContent.Create(activity),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await Server.Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
    }
}
