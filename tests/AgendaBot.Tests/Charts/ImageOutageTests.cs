using System.Net;
using System.Net.Sockets;
using AgendaBot.Storage.Images;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests.Charts;

/// <summary>Storage down: the picture is "try again later", not "gone", so clients and proxies do not remember a 404.</summary>
public sealed class ImageOutageTests : IAsyncLifetime
{
    private BotServer bot = null!;

    public Task InitializeAsync()
    {
        bot = new BotServer(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{ClosedPort()}/devstoreaccount1;",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_picture_while_storage_is_down_is_503_with_retry_after()
    {
        using var response = await bot.Http.GetAsync(new Uri($"images/{ImageTokens.New()}.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
