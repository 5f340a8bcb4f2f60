using AgendaBot.Storage;
using AgendaBot.Storage.Images;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>Turns a stored picture into something an Adaptive Card Image element can show: a URL or a data: URI.</summary>
public sealed partial class ImageLinks(ImageStore store, IOptions<ImageOptions> options, IHttpContextAccessor requests,
    ILogger<ImageLinks> logger)
{
    /// <summary>
    /// Up to this many PNG bytes, <see cref="StoreAndLinkAsync"/> embeds the picture: 6 KiB are 8 KiB of Base64,
    /// which leaves most of the ~28 KB a Teams message may have for the rest of the card.
    /// </summary>
    public const int DefaultInlineMaxBytes = 6 * 1024;

    /// <summary>The absolute URL of <c>GET /images/{token}.png</c>.</summary>
    /// <exception cref="InvalidOperationException">Images:PublicBaseUrl is not set and no request is being handled
    /// (a scheduled post): there is no address to take.</exception>
    public string UrlFor(string token)
    {
        if (!ImageTokens.IsWellFormed(token))
        {
            throw new ArgumentException("Not an image token.", nameof(token));
        }

        return new Uri(PublicBaseUrl(), $"images/{token}.png").AbsoluteUri;
    }

    /// <summary>The bot's public address, ending in '/': Images:PublicBaseUrl, else the current request's. Also for other download links.</summary>
    /// <exception cref="InvalidOperationException">Neither is there.</exception>
    public Uri PublicBaseUrl()
    {
        var baseUrl = options.Value.PublicBaseUrl ?? RequestBaseUrl()
            ?? throw new InvalidOperationException(
                "Set Images:PublicBaseUrl: image links need the bot's public address, and no request is being handled to take it from.");
        return baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>A data: URI (Adaptive Cards 1.2+ show them in Image elements) when the PNG has at most
    /// <paramref name="maxBytes"/> bytes; null when it is larger and should be stored and linked instead.</summary>
    public static string? DataUriIfSmall(byte[] png, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(png);
        return png.Length <= maxBytes ? "data:image/png;base64," + Convert.ToBase64String(png) : null;
    }

    /// <summary>The picture embedded when it is small, else stored and linked: what a card's Image.Url should be.</summary>
    public async Task<string> StoreAndLinkAsync(TenantScope scope, byte[] png, CancellationToken cancellationToken,
        int inlineMaxBytes = DefaultInlineMaxBytes) =>
        DataUriIfSmall(png, inlineMaxBytes) ?? UrlFor(await store.SaveAsync(scope, png, cancellationToken));

    /// <summary>
    /// As <see cref="StoreAndLinkAsync"/>, but null when there is no address to link to (no Images:PublicBaseUrl and no
    /// request being answered, e.g. a scheduled post): the card then goes out without its picture rather than not at all.
    /// </summary>
    public async Task<string?> TryStoreAndLinkAsync(TenantScope scope, byte[] png, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreAndLinkAsync(scope, png, cancellationToken);
        }
        catch (InvalidOperationException failure)
        {
            LogNoAddress(logger, failure);
            return null;
        }
    }

    // The address the channel called the bot at, e.g. http://127.0.0.1:3978/ from the Agents Playground.
    private Uri? RequestBaseUrl()
    {
        var request = requests.HttpContext?.Request;
        return request is { Host.HasValue: true }
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/")
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card goes out without its picture: there is no address to link it to")]
    private static partial void LogNoAddress(ILogger logger, Exception failure);
}
