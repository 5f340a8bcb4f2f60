using System.Net;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Infrastructure.Delivery;

internal enum SendFailureKind
{
    /// <summary>Try again later: throttled, the channel or the network failed for now.</summary>
    Transient,

    /// <summary>403 MessageWritesBlocked: the bot was blocked or removed; stop posting there.</summary>
    WritesBlocked,

    /// <summary>Trying again cannot help (400, 404, 413, a bad service URL): park at once.</summary>
    Permanent,
}

/// <summary>What a failed send means for the post.</summary>
internal sealed record SendFailure(SendFailureKind Kind, string Reason, TimeSpan? RetryAfter = null)
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    /// <summary>Null for exceptions that are no send failure (cancellation of the host, bugs): those propagate.</summary>
    public static SendFailure? From(Exception failure, CancellationToken stoppingToken) => failure switch
    {
        ConnectorException { IsWritesBlocked: true } blocked => new(SendFailureKind.WritesBlocked, Describe(blocked)),
        ConnectorException connector when Transient.Contains(connector.StatusCode) =>
            new(SendFailureKind.Transient, Describe(connector), connector.RetryAfter),
        ConnectorException connector => new(SendFailureKind.Permanent, Describe(connector)),
        HttpRequestException network => new(SendFailureKind.Transient, $"network: {network.Message}"),
        // HttpClient's own timeout, not the host stopping.
        TaskCanceledException when !stoppingToken.IsCancellationRequested => new(SendFailureKind.Transient, "the connector did not answer in time"),
        ArgumentException bad => new(SendFailureKind.Permanent, bad.Message),
        _ => null,
    };

    private static string Describe(ConnectorException failure) =>
        $"{(int)failure.StatusCode}{(failure.ErrorCode is null ? string.Empty : $" {failure.ErrorCode}")}";
}
