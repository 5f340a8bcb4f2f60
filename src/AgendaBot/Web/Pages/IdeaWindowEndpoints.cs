using System.Text;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Ideas;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The idea window: a citizen sends an idea for a field of action of a published agenda, without an account. The form
/// carries a token (and the one cookie that goes with it); a field only programs fill in drops a submission silently;
/// one client sends a few per hour, an agenda takes a capped number a day. A refused form comes back with the
/// citizen's text in it. What is taken is stored and handed to the moderators — nothing of it is public until one of
/// them takes it into a workshop.
/// </summary>
public static partial class IdeaWindowEndpoints
{
    public static WebApplication MapIdeaWindow(this WebApplication app)
    {
        app.MapMethods("/agenda/{publicId}/ideen", [HttpMethods.Get, HttpMethods.Head], async (string publicId, HttpContext http,
            PublicationStore publications, IAntiforgery antiforgery, IOptions<IdeaWindowOptions> window, IOptions<PublicPagesOptions> site,
            CancellationToken cancellationToken) =>
        {
            var english = PublicPageEndpoints.IsEnglish(http);
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (!window.Value.Enabled || publication is not { IsPublic: true, Version: { } version })
            {
                return PublicPageEndpoints.Nothing(http, window.Value.Enabled ? publication : null, english, site.Value);
            }

            return Form(http, antiforgery, publicId, version, IdeaForm.Empty, [], english, site.Value, StatusCodes.Status200OK);
        });

        app.MapPost("/agenda/{publicId}/ideen", SubmitAsync).RequireRateLimiting(IdeaWindowSetup.RateLimitPolicy);

        app.MapMethods("/agenda/{publicId}/ideen/danke", [HttpMethods.Get, HttpMethods.Head], async (string publicId, HttpContext http,
            PublicationStore publications, IOptions<IdeaWindowOptions> window, IOptions<PublicPagesOptions> site, CancellationToken cancellationToken) =>
        {
            var english = PublicPageEndpoints.IsEnglish(http);
            var publication = await publications.GetForPageAsync(publicId, cancellationToken);
            if (!window.Value.Enabled || publication is not { IsPublic: true, Version: { } version })
            {
                return PublicPageEndpoints.Nothing(http, window.Value.Enabled ? publication : null, english, site.Value);
            }

            PublicPageEndpoints.SecurityHeaders(http);
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Content(IdeaWindowPages.Thanks(publicId, version, english, site.Value), "text/html; charset=utf-8", Encoding.UTF8);
        });
        return app;
    }

    private static async Task<IResult> SubmitAsync(string publicId, HttpContext http, PublicationStore publications, CitizenIdeaStore ideas,
        IIdeaModeration moderation, IAntiforgery antiforgery, IOptions<IdeaWindowOptions> window, IOptions<PublicPagesOptions> site,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var english = PublicPageEndpoints.IsEnglish(http);
        var texts = AgendaPages.TextsFor(english);
        var publication = await publications.GetForPageAsync(publicId, cancellationToken);
        if (!window.Value.Enabled || publication is not { IsPublic: true, Version: { } version })
        {
            return PublicPageEndpoints.Nothing(http, window.Value.Enabled ? publication : null, english, site.Value);
        }

        if (await ReadAsync(http, window.Value) is not { } form)
        {
            PublicPageEndpoints.SecurityHeaders(http);
            return Results.Content(IdeaWindowPages.Message(publicId, texts[Bot.Localization.TextKey.PagesIdeaTooLarge], english, site.Value),
                "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status413PayloadTooLarge);
        }

        var values = ValuesOf(form);
        var logger = loggers.CreateLogger(typeof(IdeaWindowEndpoints));
        // 303: the browser asks for the thanks with GET, so reloading it sends nothing again.
        var thanks = SeeOther(http, AgendaPages.WithLanguage(IdeaWindowPages.ThanksPathOf(publicId), english));
        if (!string.IsNullOrEmpty(form[IdeaWindowPages.TrapName]))
        {
            // A program filled in the field people cannot see: it gets what a person gets, and nothing is stored.
            LogTrapped(logger, publicId);
            return thanks;
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, publicId, version, values, [], english, site.Value, StatusCodes.Status400BadRequest,
                texts[Bot.Localization.TextKey.PagesIdeaExpired]);
        }

        var problems = CitizenIdea.Check(version.FieldsOfAction, values.Field, values.Text, values.District, values.Consent);
        if (problems.Count > 0)
        {
            return Form(http, antiforgery, publicId, version, values, problems, english, site.Value, StatusCodes.Status400BadRequest);
        }

        var tenant = new TenantScope(publication.TenantId);
        var idea = CitizenIdea.Submit(Guid.NewGuid().ToString("N"), version.FieldsOfAction, values.Field, values.Text, values.District, values.Consent,
            time.GetUtcNow());
        if (await ideas.SubmitAsync(tenant, publication.AgendaId, idea, window.Value.DailyCapPerAgenda, cancellationToken) == IdeaSubmission.DailyCapReached)
        {
            return Form(http, antiforgery, publicId, version, values, [], english, site.Value, StatusCodes.Status429TooManyRequests,
                texts[Bot.Localization.TextKey.PagesIdeaDailyCap]);
        }

        try
        {
            await moderation.AnnounceAsync(tenant, publication.AgendaId, idea, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // An idea no moderator hears of would wait for ever: it is taken back, and the citizen keeps the text to send again.
            LogNotAnnounced(logger, failure, publicId);
            await ideas.WithdrawAsync(tenant, publication.AgendaId, idea.Id, CancellationToken.None);
            return Form(http, antiforgery, publicId, version, values, [], english, site.Value, StatusCodes.Status503ServiceUnavailable,
                texts[Bot.Localization.TextKey.PagesIdeaUnavailable]);
        }

        return thanks;
    }

    private static IResult SeeOther(HttpContext http, string location)
    {
        PublicPageEndpoints.SecurityHeaders(http);
        http.Response.Headers.Location = location;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>The rate limiter's answer: the form again, with the text the citizen sent, and when to try again.</summary>
    public static async Task TooManyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var services = http.RequestServices;
        var english = PublicPageEndpoints.IsEnglish(http);
        var site = services.GetRequiredService<IOptions<PublicPagesOptions>>().Value;
        var publicId = http.Request.RouteValues["publicId"] as string ?? string.Empty;
        var publication = await services.GetRequiredService<PublicationStore>().GetForPageAsync(publicId, cancellationToken);
        var form = await ReadAsync(http, services.GetRequiredService<IOptions<IdeaWindowOptions>>().Value);
        http.Response.Headers.RetryAfter = ((int)services.GetRequiredService<IOptions<IdeaWindowOptions>>().Value.PerClientWindow.TotalSeconds)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = publication is { IsPublic: true, Version: { } version } && form is not null
            ? Form(http, services.GetRequiredService<IAntiforgery>(), publicId, version, ValuesOf(form), [], english, site,
                StatusCodes.Status429TooManyRequests, AgendaPages.TextsFor(english)[Bot.Localization.TextKey.PagesIdeaTooMany])
            : Results.Content(IdeaWindowPages.Message(publicId, AgendaPages.TextsFor(english)[Bot.Localization.TextKey.PagesIdeaTooMany], english, site),
                "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
        PublicPageEndpoints.SecurityHeaders(http);
        await result.ExecuteAsync(http);
    }

    private static IResult Form(HttpContext http, IAntiforgery antiforgery, string publicId, PublishedAgenda version, IdeaForm values,
        IReadOnlyList<CitizenIdeaProblem> problems, bool english, PublicPagesOptions site, int status, string? notice = null)
    {
        // A fresh token with every form: the one just refused may have been the stale one.
        var tokens = antiforgery.GetAndStoreTokens(http);
        PublicPageEndpoints.SecurityHeaders(http);
        http.Response.Headers.CacheControl = "no-store";
        var page = IdeaWindowPages.Form(publicId, version, values, problems, (tokens.FormFieldName, tokens.RequestToken!), english, site, notice);
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    // Null when the body is larger than the window reads or is no form at all.
    private static async Task<IFormCollection?> ReadAsync(HttpContext http, IdeaWindowOptions window)
    {
        if (http.Request.ContentLength > window.MaxRequestBytes || !http.Request.HasFormContentType)
        {
            return null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = window.MaxRequestBytes;
        }

        try
        {
            return await http.Request.ReadFormAsync(new FormOptions { ValueCountLimit = 16, KeyLengthLimit = 64, ValueLengthLimit = (int)window.MaxRequestBytes },
                http.RequestAborted);
        }
        catch (Exception failure) when (failure is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    private static IdeaForm ValuesOf(IFormCollection form) => new(form[IdeaWindowPages.FieldName], form[IdeaWindowPages.TextName],
        form[IdeaWindowPages.DistrictName], form[IdeaWindowPages.ConsentName] == "yes");

    [LoggerMessage(Level = LogLevel.Information, Message = "Idea window of {PublicId}: a submission filled the trap field and was dropped.")]
    private static partial void LogTrapped(ILogger logger, string publicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idea window of {PublicId}: the moderation card could not be queued; the idea was taken back.")]
    private static partial void LogNotAnnounced(ILogger logger, Exception failure, string publicId);
}
