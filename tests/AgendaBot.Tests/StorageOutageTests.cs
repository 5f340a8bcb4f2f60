using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;

namespace AgendaBot.Tests;

/// <summary>When storage cannot be reached the bot stays up and tells people so, instead of failing silently.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private RecordingConnector connector = null!;
    private BotServer bot = null!;

    public async Task InitializeAsync()
    {
        connector = await RecordingConnector.StartAsync();
        // Both endpoints named: without one the SDK would pick the public default host for it.
        var closed = ClosedPort();
        bot = new BotServer(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;",
        });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await connector.DisposeAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_command_that_needs_storage_gets_a_not_available_right_now_message()
    {
        var response = await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "meine daten"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForCallsAsync(1, TimeSpan.FromSeconds(30)));
        Assert.StartsWith("Ich kann gerade nicht auf die Daten zugreifen", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_still_arrives_when_storage_is_down()
    {
        await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Installed(connector.ServiceUrl));

        var greeting = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("Willkommen bei AgendaBot", greeting.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Help_does_not_need_storage()
    {
        await bot.Http.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "hilfe"));

        var reply = Assert.Single(await connector.WaitForCallsAsync(1));
        Assert.Equal("So arbeiten Sie mit AgendaBot", reply.Card?["body"]?[0]?["text"]?.GetValue<string>());
    }
}
