namespace AgendaBot.Protocol.Connector;

public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Scope of the token the connector requires from the bot.</summary>
    public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Attempts per call including the first; retried statuses are 429, 412, 502, 503 and 504.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off when the channel gave no Retry-After; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait, whatever Retry-After asks for, so an invoke never hangs on one send.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A cached token is renewed this long before it expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);
}
