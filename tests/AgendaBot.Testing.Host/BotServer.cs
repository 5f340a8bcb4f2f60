using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Testing.Host;

/// <summary>
/// The real bot — its own Program, configuration and pipeline — on Kestrel at a free loopback port,
/// so that real clients (the Agents Playground, plain HTTP) can reach it.
/// </summary>
public sealed class BotServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    /// <param name="callerFilePath">Filled in by the compiler: the test class, to name the cards the bot answers with.</param>
    public BotServer(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        [CallerFilePath] string callerFilePath = "")
    {
        // Every bot under test stores into the shared Azurite unless a test says otherwise.
        var merged = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString,
            ["Storage:TablePrefix"] = "bot",
            // Tests read telemetry in memory; spans on standard output would only bury the test log.
            ["Telemetry:ConsoleExporter"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        this.settings = merged;
        this.configureServices = configureServices;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        Http = new HttpClient(new InvokeCardRecorder(() => CardScenario ?? CardCorpus.ScenarioFor(callerFilePath)))
        {
            BaseAddress = BaseAddress,
        };
    }

    /// <summary>
    /// Names the cards from invoke responses in the card corpus; by default the test class and the running test.
    /// </summary>
    public string? CardScenario { get; set; }

    public Uri BaseAddress { get; }

    /// <summary>An HTTP client that reaches the bot over loopback, like a channel would.</summary>
    public HttpClient Http { get; }

    public Uri MessagesEndpoint => new(BaseAddress, "api/messages");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Writes the cards the bot answers invokes with (they come back in the HTTP response, not through the connector)
/// to the card corpus, for every test that posts through <see cref="BotServer.Http"/>.
/// </summary>
internal sealed class InvokeCardRecorder(Func<string> scenario) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            // Buffered, so the test can still read the body afterwards.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            CardCorpus.WriteInvokeResponse(scenario(), TryParse(body));
        }

        return response;
    }

    private static JsonNode? TryParse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
