using System.Security.Claims;

namespace AgendaBot.Protocol.Authentication;

/// <summary>
/// Who called, as far as the bearer token says before the body is read: its claims, the service URL it was issued
/// for and the channels its signing key is endorsed for. In development mode there is no token: <see cref="Identity"/>
/// is null and the activity is taken at its word (from loopback callers only).
/// </summary>
public sealed record ChannelCaller(ClaimsIdentity? Identity, string? ServiceUrl, IReadOnlyList<string> EndorsedChannels)
{
    public static readonly ChannelCaller Development = new(null, null, []);

    public bool IsDevelopment => Identity is null;
}
