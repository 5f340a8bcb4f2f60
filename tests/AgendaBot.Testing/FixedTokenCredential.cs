using Azure.Core;

namespace AgendaBot.Testing;

/// <summary>
/// Stands in for the bot's Entra credential (client secret, certificate, managed identity), which cannot be reached
/// here: it hands out one fixed access token and counts how often it was asked.
/// </summary>
public sealed class FixedTokenCredential(string token = "outbound-token-from-the-bot", TimeSpan? lifetime = null) : TokenCredential
{
    private int requests;

    public string Token { get; } = token;

    public int Requests => Volatile.Read(ref requests);

    /// <summary>The scopes of the latest request.</summary>
    public IReadOnlyList<string> LastScopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        LastScopes = requestContext.Scopes;
        return new AccessToken(Token, DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromHours(1)));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
