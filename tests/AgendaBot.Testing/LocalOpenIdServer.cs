using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AgendaBot.Testing;

/// <summary>Which key signs a token minted by <see cref="LocalOpenIdServer"/>.</summary>
public enum TokenSigningKey
{
    /// <summary>Published in the JWKS and endorsed for the channel (<c>msteams</c>): what a real channel token uses.</summary>
    Endorsed,

    /// <summary>Published in the JWKS, but endorsed only for another channel.</summary>
    EndorsedForAnotherChannel,

    /// <summary>A key the server never published.</summary>
    Unknown,

    /// <summary>A key endorsed for the channel that is published only once <see cref="LocalOpenIdServer.RollKeys"/> was called.</summary>
    Rolled,
}

/// <summary>What goes into a minted token. The defaults describe a valid Bot Framework channel token.</summary>
public sealed record ChannelToken
{
    public required string Audience { get; init; }

    public string Issuer { get; init; } = LocalOpenIdServer.BotFrameworkIssuer;

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrl { get; init; }

    public DateTimeOffset NotBefore { get; init; } = DateTimeOffset.UtcNow.AddMinutes(-1);

    public DateTimeOffset Expires { get; init; } = DateTimeOffset.UtcNow.AddHours(1);

    public TokenSigningKey Key { get; init; } = TokenSigningKey.Endorsed;

    /// <summary>
    /// A <see cref="SecurityAlgorithms"/> name. <c>HS…</c> signs with a shared secret under the endorsed key's id;
    /// <c>none</c> leaves the token unsigned.
    /// </summary>
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Overrides the <c>kid</c> header, e.g. to name a key that is not published.</summary>
    public string? KeyId { get; init; }

    /// <summary>A channel token for this bot and this conversation's service URL, valid now.</summary>
    public static ChannelToken For(string audience, string serviceUrl) => new() { Audience = audience, ServiceUrl = serviceUrl };
}

/// <summary>
/// A stand-in for login.botframework.com on loopback: an OpenID configuration document, a JWKS whose RSA keys carry
/// <c>endorsements</c> (the channels a key may sign for), and a way to mint tokens signed by those keys — or by others.
/// </summary>
public sealed class LocalOpenIdServer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ChannelId = "msteams";

    private const string EndorsedKeyId = "channel-key-msteams";
    private const string OtherChannelKeyId = "channel-key-webchat";
    private const string UnknownKeyId = "key-nobody-published";
    private const string RolledKeyId = "channel-key-msteams-next";

    // RSA keys are slow to generate; the same ones serve every server in the test run.
    private static readonly RsaSecurityKey EndorsedKey = NewRsaKey(EndorsedKeyId);
    private static readonly RsaSecurityKey OtherChannelKey = NewRsaKey(OtherChannelKeyId);
    private static readonly RsaSecurityKey UnknownKey = NewRsaKey(UnknownKeyId);
    private static readonly RsaSecurityKey RolledKey = NewRsaKey(RolledKeyId);

    private readonly LoopbackServer server;
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private volatile bool rolled;
    private int keyRequests;

    private LocalOpenIdServer(LoopbackServer server) => this.server = server;

    /// <summary>Where the bot reads the OpenID configuration (the setting <c>Bot:OpenIdMetadataUrl</c>).</summary>
    public Uri MetadataUrl => new(server.BaseAddress, ".well-known/openidconfiguration");

    public Uri KeysUrl => new(server.BaseAddress, "keys");

    /// <summary>How often the key set was fetched.</summary>
    public int KeyRequests => Volatile.Read(ref keyRequests);

    /// <summary>The channel rolls its keys: from now on the key set also holds the <see cref="TokenSigningKey.Rolled"/> key.</summary>
    public void RollKeys() => rolled = true;

    public static async Task<LocalOpenIdServer> StartAsync()
    {
        LocalOpenIdServer? openId = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", () => Results.Text(openId!.Configuration(), "application/json"));
            app.MapGet("/keys", () => Results.Text(openId!.Keys(), "application/json"));
        });
        openId = new LocalOpenIdServer(server);
        return openId;
    }

    /// <summary>A signed (or deliberately unsigned) JWT, as the channel would put it in <c>Authorization: Bearer</c>.</summary>
    public string CreateToken(ChannelToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new Dictionary<string, object>();
        if (token.ServiceUrl is not null)
        {
            claims["serviceurl"] = token.ServiceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer,
            Audience = token.Audience,
            IssuedAt = token.NotBefore.UtcDateTime,
            NotBefore = token.NotBefore.UtcDateTime,
            Expires = token.Expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = Credentials(token),
        };
        return handler.CreateToken(descriptor);
    }

    private static SigningCredentials? Credentials(ChannelToken token)
    {
        if (string.Equals(token.Algorithm, SecurityAlgorithms.None, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (token.Algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase))
        {
            // A shared secret presented under the endorsed key's id: the classic algorithm-confusion attempt.
            var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = token.KeyId ?? EndorsedKeyId };
            return new SigningCredentials(secret, token.Algorithm);
        }

        var signer = token.Key switch
        {
            TokenSigningKey.Endorsed => EndorsedKey,
            TokenSigningKey.EndorsedForAnotherChannel => OtherChannelKey,
            TokenSigningKey.Rolled => RolledKey,
            TokenSigningKey.Unknown => UnknownKey,
            _ => throw new ArgumentOutOfRangeException(nameof(token), token.Key, "no such signing key"),
        };
        var key = new RsaSecurityKey(signer.Parameters) { KeyId = token.KeyId ?? signer.KeyId };
        return new SigningCredentials(key, token.Algorithm);
    }

    // Shaped like https://login.botframework.com/v1/.well-known/openidconfiguration.
    private string Configuration() => new JsonObject
    {
        ["issuer"] = BotFrameworkIssuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = KeysUrl.AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private string Keys()
    {
        Interlocked.Increment(ref keyRequests);
        var keys = new JsonArray(PublicJwk(EndorsedKey, ChannelId, "skype"), PublicJwk(OtherChannelKey, "webchat", "directline"));
        if (rolled)
        {
            keys.Add(PublicJwk(RolledKey, ChannelId, "skype"));
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    private static JsonObject PublicJwk(RsaSecurityKey key, params string[] endorsements) => new()
    {
        ["kty"] = "RSA",
        ["use"] = "sig",
        ["kid"] = key.KeyId,
        ["n"] = Base64UrlEncoder.Encode(key.Parameters.Modulus),
        ["e"] = Base64UrlEncoder.Encode(key.Parameters.Exponent),
        ["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]),
    };

    private static RsaSecurityKey NewRsaKey(string keyId)
    {
        using var rsa = RSA.Create(2048);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = keyId };
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
