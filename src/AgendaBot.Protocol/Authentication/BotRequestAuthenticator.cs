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
/// In two steps: the token before the body is read (<see cref="AuthenticateCallerAsync"/>), the activity against the
/// token's claims after (<see cref="Authorize"/>).
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

    /// <summary>
    /// Whether a service URL may be plain http to this machine: in development mode (the Playground), or where a test's
    /// connector listens on loopback (<see cref="BotAuthenticationOptions.RequireHttpsServiceUrl"/> off).
    /// </summary>
    public bool AllowsLoopbackHttpServiceUrl => options.IsDevelopmentMode || !options.RequireHttpsServiceUrl;

    /// <summary>Both steps at once, for callers that have the activity already.</summary>
    public async Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateCallerAsync(authorizationHeader, remoteAddress, cancellationToken);
        return caller.Succeeded ? Authorize(caller.Caller!, activity) : caller;
    }

    /// <summary>
    /// Step one, before the body is read: the bearer token (or, in development mode, a loopback caller). Whoever fails
    /// here learns nothing about how the bot reads activities.
    /// </summary>
    public async Task<AuthenticationResult> AuthenticateCallerAsync(
        string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (metadata is null)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? AuthenticationResult.Success(ChannelCaller.Development, "development mode, loopback caller")
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
        var keyId = (result.SecurityToken as JsonWebToken)?.Kid;
        var caller = new ChannelCaller(identity, identity.FindFirst(ServiceUrlClaim)?.Value, [.. EndorsedChannels(configuration, keyId)]);
        return AuthenticationResult.Success(caller, "channel token");
    }

    /// <summary>
    /// Step two, once the activity is read: a token speaks only for the service URL it names and for the channels its
    /// signing key is endorsed for.
    /// </summary>
    public static AuthenticationResult Authorize(ChannelCaller caller, Activity activity)
    {
        if (caller.IsDevelopment)
        {
            return AuthenticationResult.Success(caller, "development mode, loopback caller");
        }

        if (!SameServiceUrl(caller.ServiceUrl, activity.ServiceUrl))
        {
            return AuthenticationResult.Forbidden("serviceurl claim does not match the activity's serviceUrl");
        }

        if (string.IsNullOrEmpty(activity.ChannelId)
            || !caller.EndorsedChannels.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return AuthenticationResult.Forbidden("signing key is not endorsed for the activity's channel");
        }

        return AuthenticationResult.Success(caller, "channel token");
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

    private static IEnumerable<string> EndorsedChannels(OpenIdConnectConfiguration configuration, string? keyId)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return [];
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        return key is not null && key.AdditionalData.TryGetValue("endorsements", out var raw) ? Endorsements(raw) : [];
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
