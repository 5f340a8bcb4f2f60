using System.Net;
using System.Text.Json;
using AgendaBot.Protocol.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AgendaBot.Protocol.Authentication;

/// <summary>
/// Checks that an inbound activity really comes from the Bot Framework channel service: a bearer JWT signed
/// with RS256 by a key from the channel's OpenID metadata, issued by the Bot Framework, for this bot, still valid,
/// naming the same <c>serviceUrl</c> as the activity, with a signing key endorsed for the activity's channel.
/// </summary>
public sealed class BotRequestAuthenticator
{
    private const string ServiceUrlClaim = "serviceurl";
    private const long NeverRefreshed = long.MinValue;

    // Tokens naming an unknown key make us re-read the channel's keys at most this often, so they cannot flood it.
    private static readonly TimeSpan KeyRefreshGap = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions options;
    private readonly IHttpClientFactory httpClientFactory;
    private readonly JsonWebTokenHandler handler = new();
    private ConfigurationManager<OpenIdConnectConfiguration>? metadata;
    private long lastKeyRefresh = NeverRefreshed;

    public BotRequestAuthenticator(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory)
    {
        this.options = options.Value;
        this.httpClientFactory = httpClientFactory;
        if (!this.options.IsDevelopmentMode)
        {
            metadata = NewMetadataCache();
        }
    }

    public bool IsDevelopmentMode => options.IsDevelopmentMode;

    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (metadata is null)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? AuthenticationResult.Success(null, "development mode, loopback caller")
                : AuthenticationResult.Forbidden("development mode (no app id) accepts loopback callers only");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader)
            || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Unauthorized("missing bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No keys, no verdict: 503 tells the channel to try again later, without pretending the token was bad.
            return AuthenticationResult.Unavailable("the channel's signing keys cannot be loaded");
        }

        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await RefreshKeysAsync(cancellationToken) is { } refreshed)
        {
            // The channel may have rolled its keys since the metadata was cached: look once more.
            configuration = refreshed;
            result = await ValidateAsync(token, configuration);
        }

        if (!result.IsValid)
        {
            return AuthenticationResult.Unauthorized($"invalid token: {result.Exception?.GetType().Name ?? "unknown"}");
        }

        var identity = result.ClaimsIdentity;
        var claimedServiceUrl = identity.FindFirst(ServiceUrlClaim)?.Value;
        if (!SameServiceUrl(claimedServiceUrl, activity.ServiceUrl))
        {
            return AuthenticationResult.Forbidden("serviceurl claim does not match the activity's serviceUrl");
        }

        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        if (!IsEndorsed(configuration, keyId, activity.ChannelId))
        {
            return AuthenticationResult.Forbidden("signing key is not endorsed for the activity's channel");
        }

        return AuthenticationResult.Success(identity, "channel token");
    }

    /// <summary>
    /// Reads the channel's metadata afresh into a new cache, at most once per <see cref="KeyRefreshGap"/>. A new cache,
    /// because <see cref="ConfigurationManager{T}.RequestRefresh"/> only refreshes in the background, too late for the
    /// request at hand. Null when it is too soon to ask again or the channel cannot be reached (the old keys stay).
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> RefreshKeysAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastKeyRefresh);
        if ((last != NeverRefreshed && now - last < (long)KeyRefreshGap.TotalMilliseconds)
            || Interlocked.CompareExchange(ref lastKeyRefresh, now, last) != last)
        {
            return null;
        }

        var renewed = NewMetadataCache();
        try
        {
            var configuration = await renewed.GetConfigurationAsync(cancellationToken);
            metadata = renewed;
            return configuration;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewMetadataCache()
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(nameof(BotRequestAuthenticator)))
        {
            RequireHttps = options.RequireHttpsMetadata,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = options.ValidIssuer,
            ValidAudience = options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = options.ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            // Otherwise a token whose kid is unknown would still be checked against every key we hold.
            TryAllIssuerSigningKeys = false,
        };
        return handler.ValidateTokenAsync(token, parameters);
    }

    private static bool SameServiceUrl(string? claimed, string? actual) =>
        claimed is not null && actual is not null
        && string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? keyId, string? channelId)
    {
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
        {
            return false;
        }

        return Endorsements(raw).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Endorsements(object? raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        IEnumerable<string> strings => strings,
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty),
        _ => [],
    };

}
