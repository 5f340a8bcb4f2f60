using System.Net;

namespace AgendaBot.Protocol.Connector;

/// <summary>A connector call that failed after retries; carries the channel's error code (e.g. <c>MessageWritesBlocked</c>).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message, TimeSpan? retryAfter)
        : this(statusCode, errorCode, message)
    {
        RetryAfter = retryAfter;
    }

    public ConnectorException() : this(HttpStatusCode.InternalServerError, null, "Connector call failed.") { }

    public ConnectorException(string message) : this(HttpStatusCode.InternalServerError, null, message) { }

    public ConnectorException(string message, Exception innerException) : base(message, innerException) { }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    /// <summary>How long the channel asked to wait (429, 503) on the last attempt, so a queued post can come back then.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The bot was blocked or removed: further sends to this conversation are pointless.</summary>
    public bool IsWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden
        && string.Equals(ErrorCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase);
}
