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

    public ConnectorException() : this(HttpStatusCode.InternalServerError, null, "Connector call failed.") { }

    public ConnectorException(string message) : this(HttpStatusCode.InternalServerError, null, message) { }

    public ConnectorException(string message, Exception innerException) : base(message, innerException) { }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    /// <summary>The bot was blocked or removed: further sends to this conversation are pointless.</summary>
    public bool IsWritesBlocked =>
        StatusCode == HttpStatusCode.Forbidden
        && string.Equals(ErrorCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase);
}
