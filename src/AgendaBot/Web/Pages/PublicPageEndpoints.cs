using System.Security.Cryptography;
using System.Text;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Agendas;
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

        // A published agenda: found by its public id alone; 404 for an id never given out, 410 once withdrawn.
        app.MapMethods("/agenda/{publicId}", [HttpMethods.Get, HttpMethods.Head], async (string publicId, HttpContext http,
            PublicationStore publications, CitizenIdeaStore ideas, LivePlans live, RenderedPages rendered, IOptions<IdeaWindowOptions> window,
            IOptions<PublicPagesOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var english = IsEnglish(http);
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (publication is not { IsPublic: true, Version: { } version })
            {
                return Nothing(http, publication, english, options.Value);
            }

            var accepted = await ideas.GetAcceptedForPageAsync(new Storage.TenantScope(publication.TenantId), publication.AgendaId, cancellationToken);
            var shown = await live.ShownAsync(publication, version, cancellationToken);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Berlin).DateTime);
            var (body, etag) = rendered.Get($"{publicId}|start|{english}", [shown, accepted, today, window.Value.Enabled, options.Value],
                () => Encoding.UTF8.GetBytes(AgendaPages.Start(publicId, shown, english, options.Value, accepted, window.Value.Enabled, today)));
            return Answer(http, body, "text/html; charset=utf-8", etag, lastModified: accepted.Select(i => i.DecidedAt ?? i.SubmittedAt).Append(LastChange(shown)).Max());
        });
        app.MapMethods("/agenda/{publicId}/massnahmen/{number:int}", [HttpMethods.Get, HttpMethods.Head], async (string publicId, int number,
            HttpContext http, PublicationStore publications, LivePlans live, RenderedPages rendered, IOptions<PublicPagesOptions> options,
            CancellationToken cancellationToken) =>
        {
            var english = IsEnglish(http);
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            var shown = publication is { IsPublic: true, Version: { } version } ? await live.ShownAsync(publication, version, cancellationToken) : null;
            if (shown?.Measures.FirstOrDefault(m => m.Number == number) is not { } measure)
            {
                return Nothing(http, publication is { IsPublic: true } ? null : publication, english, options.Value);
            }

            var (body, etag) = rendered.Get($"{publicId}|{number}|{english}", [shown, options.Value],
                () => Encoding.UTF8.GetBytes(AgendaPages.Measure(publicId, shown, measure, english, options.Value)));
            return Answer(http, body, "text/html; charset=utf-8", etag, lastModified: LastChange(shown));
        });
        app.MapMethods("/agenda/{publicId}/plan.{format:regex(^(csv|json)$)}", [HttpMethods.Get, HttpMethods.Head], async (string publicId, string format,
            HttpContext http, PublicationStore publications, LivePlans live, IOptions<PublicPagesOptions> options, CancellationToken cancellationToken) =>
        {
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (publication is not { IsPublic: true, Version: { } version })
            {
                return Nothing(http, publication, IsEnglish(http), options.Value);
            }

            var shown = await live.ShownAsync(publication, version, cancellationToken);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"digitale-agenda.{format}\"";
            return format == "csv"
                ? Answer(http, OpenData.Csv(shown), "text/csv; charset=utf-8", lastModified: LastChange(shown))
                : Answer(http, OpenData.Json(shown), "application/json; charset=utf-8", lastModified: LastChange(shown));
        });

        app.MapMethods("/agenda/{publicId}/digitale-agenda.docx", [HttpMethods.Get, HttpMethods.Head], async (string publicId, HttpContext http,
            PublicationStore publications, IOptions<PublicPagesOptions> options, CancellationToken cancellationToken) =>
        {
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (publication is not { IsPublic: true, Version: { } version }
                || await publications.GetDocumentAsync(publication, IsEnglish(http) ? "en" : "de", cancellationToken) is not { } document)
            {
                return Nothing(http, publication is { IsPublic: true } ? null : publication, IsEnglish(http), options.Value);
            }

            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{(IsEnglish(http) ? "digital-agenda" : "digitale-agenda")}.docx\"";
            return Answer(http, document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", lastModified: version.PublishedAt);
        });

        app.MapMethods("/agenda/{publicId}/feed.atom", [HttpMethods.Get, HttpMethods.Head], async (string publicId, HttpContext http,
            PublicationStore publications, LivePlans live, Infrastructure.Charts.ImageLinks links, IOptions<PublicPagesOptions> options,
            CancellationToken cancellationToken) =>
        {
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (publication is not { IsPublic: true, Version: { } version })
            {
                return Nothing(http, publication, IsEnglish(http), options.Value);
            }

            // With the live status on, a measure's change is news when it is saved, not when the next version is published.
            var shown = await live.ShownAsync(publication, version, cancellationToken);
            var withLive = publication with
            {
                News = [.. PublicationNews.Live(version, shown).Concat(publication.News).OrderByDescending(n => n.At).Take(PublicationNews.Kept)],
            };
            return Answer(http, AtomFeed.Render(withLive, shown, links.PublicBaseUrl(), IsEnglish(http), options.Value), "application/atom+xml; charset=utf-8",
                lastModified: withLive.News.Count > 0 ? withLive.News[0].At : version.PublishedAt);
        });

        app.MapMethods(PublicStyles.Route, [HttpMethods.Get, HttpMethods.Head],
            (HttpContext http) => Answer(http, PublicStyles.Bytes, "text/css; charset=utf-8", PublicStyles.ETag));
        return app;
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // What the page shows changed last: the version, or with the live status a measure saved since.
    private static DateTimeOffset LastChange(PublishedAgenda shown) =>
        shown.LiveAt is null ? shown.PublishedAt : shown.Measures.Select(m => m.UpdatedAt).Append(shown.PublishedAt).Max();

    internal static bool IsEnglish(HttpContext http) => http.Request.Query["lang"] == "en";

    // Found nothing to show: the page says whether it was withdrawn (410 Gone) or never there (404).
    internal static IResult Nothing(HttpContext http, Publication? known, bool english, PublicPagesOptions site)
    {
        var gone = known is { WithdrawnAt: not null };
        http.Response.StatusCode = gone ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
        SecurityHeaders(http);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(AgendaPages.Nothing(gone, english, site), "text/html; charset=utf-8", Encoding.UTF8, http.Response.StatusCode);
    }

    internal static void SecurityHeaders(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static IResult Answer(HttpContext http, byte[] body, string contentType, string? etag = null, DateTimeOffset? lastModified = null)
    {
        SecurityHeaders(http);
        var headers = http.Response.Headers;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

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
