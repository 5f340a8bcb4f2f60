namespace AgendaBot.Protocol.Authentication;

public sealed class BotAuthenticationOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// The bot's Microsoft app id (the audience of channel tokens). Empty means local development: requests are then
    /// accepted without a token, and only from loopback.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>Where the channel's signing keys are published.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string ValidIssuer { get; set; } = "https://api.botframework.com";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Only tests that serve their own metadata on loopback turn this off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Only tests whose connector listens on loopback turn this off: then an activity's <c>serviceUrl</c> may be plain
    /// http to this machine, as it always may in development mode. Teams' service URLs are https.
    /// </summary>
    public bool RequireHttpsServiceUrl { get; set; } = true;

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);
}
