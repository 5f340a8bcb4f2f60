using System.Buffers.Text;
using System.Security.Cryptography;

namespace AgendaBot.Storage.Images;

/// <summary>
/// The names pictures are stored and fetched under. Whoever has the URL may see the picture (Teams fetches card
/// images without credentials), so the token is the only protection: 192 random bits from the OS's cryptographic
/// generator cannot be guessed or enumerated.
/// </summary>
public static class ImageTokens
{
    public const int RandomBytes = 24;

    /// <summary>URL-safe Base64 without padding: 24 bytes give exactly 32 characters of [A-Za-z0-9_-].</summary>
    public const int Length = 32;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>True for what <see cref="New"/> can return; everything else is refused before storage is asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
