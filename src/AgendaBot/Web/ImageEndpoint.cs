using AgendaBot.Storage;
using AgendaBot.Storage.Images;
using Microsoft.Net.Http.Headers;

namespace AgendaBot.Web;

/// <summary>
/// <c>GET /images/{token}.png</c>: the pictures in the bot's cards. Teams clients fetch them without credentials, so
/// the random token is the only key: no tenant in the URL, no listing, the same 404 for a malformed and an unknown
/// token.
/// </summary>
public static partial class ImageEndpoint
{
    public const string Route = "/images/{token}.png";

    // A picture never changes under its token: clients and proxies may keep it for a year.
    private const string CacheForever = "public, max-age=31536000, immutable";

    public static async Task<IResult> GetAsync(string token, ImageStore store, HttpContext http, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!ImageTokens.IsWellFormed(token))
        {
            return Results.NotFound();
        }

        byte[]? png;
        try
        {
            png = await store.GetAsync(token, cancellationToken);
        }
        catch (Exception failure) when (IsOutage(failure))
        {
            LogStorageUnavailable(loggers.CreateLogger(typeof(ImageEndpoint).FullName!), failure.Message);
            http.Response.Headers.RetryAfter = "10";
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (png is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = CacheForever;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // The token names the content, so it is the entity tag too: a client that has the picture gets 304.
        return Results.Bytes(png, "image/png", entityTag: new EntityTagHeaderValue($"\"{token}\""));
    }

    // The storage client gives up on an unreachable service with an AggregateException of its attempts.
    private static bool IsOutage(Exception failure) => failure switch
    {
        HttpRequestException or TimeoutException => true,
        _ when StorageOutage.IsStorageFailure(failure) => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsOutage),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Image not served, storage unavailable: {Reason}")]
    private static partial void LogStorageUnavailable(ILogger logger, string reason);
}
