using System.Security.Cryptography;
using System.Text;

namespace AgendaBot.Web.Pages;

/// <summary>
/// Names a client for the idea window's rate limit without keeping its address: a keyed hash with a secret drawn when
/// the process starts and never stored, so that the names mean nothing outside this process and are gone with it. The
/// rate limiter keeps a name only for its window.
/// </summary>
public sealed class ClientFingerprints
{
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(32);

    public string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(address)))[..24];
    }
}
