using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The pages the Teams app links to (privacy notice, terms of use, imprint) and their stylesheet, in German and
/// English. Each answer carries the headers a public page needs: a content security policy that allows the bot's own
/// stylesheet and nothing else (no script at all), no framing, no referrer, no sniffing; and an ETag, so a browser
/// or proxy asking again gets 304.
/// </summary>
public static class PublicPageEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapPublicPages(this WebApplication app)
    {
        foreach (var page in Enum.GetValues<LegalPage>())
        {
            foreach (var english in new[] { false, true })
            {
                app.MapMethods(LegalPages.PathOf(page, english), [HttpMethods.Get, HttpMethods.Head],
                    (HttpContext http, IOptions<PublicPagesOptions> options) =>
                        Answer(http, Encoding.UTF8.GetBytes(LegalPages.Render(page, english, options.Value)), "text/html; charset=utf-8"));
            }
        }

        app.MapMethods(PublicStyles.Route, [HttpMethods.Get, HttpMethods.Head],
            (HttpContext http) => Answer(http, PublicStyles.Bytes, "text/css; charset=utf-8", PublicStyles.ETag));
        return app;
    }

    private static IResult Answer(HttpContext http, byte[] body, string contentType, string? etag = null)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Short: a town that changes its imprint should not wait a day; the ETag makes the check cheap.
        headers.CacheControl = "public, max-age=300";
        etag ??= $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Select(v => v.Trim()).Contains(etag)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(body, contentType);
    }
}
