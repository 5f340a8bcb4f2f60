using AgendaBot.Infrastructure.Charts;
using AgendaBot.Web.Pages;
using Microsoft.Extensions.Options;

namespace AgendaBot.Web;

/// <summary>
/// What a browser may open: the health probe, chart pictures linked from cards and exported files. Pages for people
/// outside Teams belong here too; like the bot's door it knows no feature, only what is stored.
/// </summary>
public static partial class WebFrontDoor
{
    public static WebApplication MapWebFrontDoor(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        // HEAD too: link checkers and some proxies ask before they fetch.
        app.MapMethods(ImageEndpoint.Route, [HttpMethods.Get, HttpMethods.Head], ImageEndpoint.GetAsync);
        if (app.Services.GetRequiredService<IOptions<ImageOptions>>().Value.PublicBaseUrl is null)
        {
            LogNoPublicBaseUrl(app.Logger);
        }

        app.MapGet(ExportEndpoint.Route, ExportEndpoint.GetAsync);
        // The privacy notice, terms and imprint the Teams app package links to.
        app.MapPublicPages();
        app.MapIdeaWindow();
        if (!app.Services.GetRequiredService<IOptions<Pages.PublicPagesOptions>>().Value.HasOperator)
        {
            LogNoOperator(app.Logger);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Images:PublicBaseUrl is not set: chart links use the address of the request being answered (right for local runs; set it in a deployment).")]
    private static partial void LogNoPublicBaseUrl(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "PublicPages:OperatorName is not set: the privacy notice, terms and imprint say that the operator's details are not set up yet.")]
    private static partial void LogNoOperator(ILogger logger);
}
