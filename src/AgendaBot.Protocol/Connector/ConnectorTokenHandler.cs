using System.Net.Http.Headers;
using Azure.Core;
using Microsoft.Extensions.Options;

namespace AgendaBot.Protocol.Connector;

/// <summary>
/// Adds the bot's bearer token to connector calls. The token comes from any <see cref="TokenCredential"/>
/// (client secret, certificate, managed identity) and is cached until shortly before it expires.
/// </summary>
public sealed class ConnectorTokenHandler(
    TokenCredential credential,
    IOptions<ConnectorOptions> options,
    TimeProvider time) : DelegatingHandler
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken? cached;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(cached))
        {
            return cached!.Value.Token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsFresh(cached))
            {
                cached = await credential.GetTokenAsync(
                    new TokenRequestContext([options.Value.Scope]), cancellationToken);
            }

            return cached!.Value.Token;
        }
        finally
        {
            gate.Release();
        }
    }

    private bool IsFresh(AccessToken? token) =>
        token is { } t && t.ExpiresOn - options.Value.TokenRefreshMargin > time.GetUtcNow();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
