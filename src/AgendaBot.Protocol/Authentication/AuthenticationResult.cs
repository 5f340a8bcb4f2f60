using System.Security.Claims;

namespace AgendaBot.Protocol.Authentication;

/// <summary>The verdict on one inbound request: who called, or why it was refused (401 no/invalid token, 403 not allowed, 503 keys unavailable).</summary>
public sealed record AuthenticationResult(bool Succeeded, int StatusCode, string Reason, ClaimsIdentity? Identity)
{
    /// <summary>The token's verdict, kept to check the activity against once the body is read.</summary>
    public ChannelCaller? Caller { get; init; }

    public static AuthenticationResult Success(ClaimsIdentity? identity, string reason) => new(true, 200, reason, identity);

    public static AuthenticationResult Success(ChannelCaller caller, string reason) =>
        new(true, 200, reason, caller.Identity) { Caller = caller };

    public static AuthenticationResult Unauthorized(string reason) => new(false, 401, reason, null);

    public static AuthenticationResult Forbidden(string reason) => new(false, 403, reason, null);

    public static AuthenticationResult Unavailable(string reason) => new(false, 503, reason, null);
}
