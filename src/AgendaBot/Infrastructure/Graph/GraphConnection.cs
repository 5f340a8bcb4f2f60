using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>
/// The bot's Graph client, or none: Graph needs <c>Graph:Enabled</c> and the bot's credential. Features ask
/// <see cref="IsAvailable"/> and tell people when a Graph-backed part is not there, instead of failing.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient? http;

    public GraphConnection(IOptions<GraphOptions> options, TokenCredential? credential = null)
    {
        var settings = options.Value;
        if (!settings.Enabled || credential is null)
        {
            return;
        }

        // The SDK's own pipeline, with its retry handler told how often and how long (Retry-After wins when Graph sends it).
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = settings.MaxRetries, Delay = settings.RetryDelaySeconds });
            }
        }

        http = GraphClientFactory.Create(handlers);
        var baseUrl = settings.BaseUrl.ToString().TrimEnd('/');
        // Only the configured Graph host gets the token: a nextLink pointing elsewhere goes out without it.
        var authentication = new AzureIdentityAuthenticationProvider(credential, [settings.BaseUrl.Host], null, true, GraphOptions.Scope);
        Client = new GraphServiceClient(http, authentication, baseUrl);
    }

    public GraphServiceClient? Client { get; }

    public bool IsAvailable => Client is not null;

    public void Dispose() => http?.Dispose();
}
