using AgendaBot.Storage.Exports;
using AgendaBot.Storage.Images;

namespace AgendaBot.Web;

/// <summary>
/// <c>GET /exports/{token}</c>: the files of the export card and a person's own data file ("meine daten"), as
/// downloads. Like the chart pictures the random token is the only key (a browser opened from Teams sends no bot
/// credentials); unlike them the files hold names, so they expire (after <see cref="ExportStore.Lifetime"/> at most)
/// and no cache may keep them.
/// </summary>
public static class ExportEndpoint
{
    public const string Route = "/exports/{token}";

    public static string PathFor(string token) => $"exports/{token}";

    public static async Task<IResult> GetAsync(string token, ExportStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ImageTokens.IsWellFormed(token) || await store.GetAsync(token, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // A file name makes it Content-Disposition: attachment, with filename* for the umlauts.
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
