using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Authentication;

public sealed class MetadataOutageTests
{
    [Fact]
    public async Task When_the_channels_keys_cannot_be_loaded_the_request_gets_503_not_500()
    {
        await using var connector = await RecordingConnector.StartAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var bot = new BotServer(
            new Dictionary<string, string?>
            {
                ["Bot:AppId"] = SecuredBot.AppId,
                ["Bot:OpenIdMetadataUrl"] = $"http://127.0.0.1:{closedPort}/.well-known/openidconfiguration",
                ["Bot:RequireHttpsMetadata"] = "false",
            },
            services => services.AddSingleton<TokenCredential>(new FixedTokenCredential()));
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesEndpoint)
        {
            Content = JsonContent.Create(TeamsActivities.Message(connector.ServiceUrl, "hilfe")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "some.token.value");

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(connector.Calls);
    }
}
