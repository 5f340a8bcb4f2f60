using AgendaBot.Bot;
using AgendaBot.Features;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Infrastructure.Telemetry;
using AgendaBot.Web;
using AgendaBot.Web.Pages;

namespace AgendaBot;

/// <summary>
/// Puts the house together: the infrastructure, the features and the two front doors (the bot's for Teams, the web's
/// for links people open in a browser). The only place that knows all of them.
/// </summary>
public static class AgendaBotHost
{
    public static WebApplicationBuilder AddAgendaBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddAgendaBotTelemetry();
        services.AddAgendaBotStorage();
        services.AddAgendaBotCharts();
        services.AddAgendaBotDelivery();
        services.AddAgendaBotGraph();

        services.AddFeatures();
        builder.AddBotFrontDoor(FeatureRoutes.Build());
        services.AddHealthChecks();
        services.AddOptions<Web.Pages.PublicPagesOptions>().BindConfiguration(Web.Pages.PublicPagesOptions.SectionName);
        services.AddSingleton<LivePlans>();
        services.AddSingleton<RenderedPages>();
        services.AddIdeaWindow();
        return builder;
    }

    public static WebApplication MapAgendaBot(this WebApplication app)
    {
        // Before the endpoints: the idea window's per-client limit runs as middleware on the endpoint it is named on.
        app.UseRateLimiter();
        app.MapBotFrontDoor();
        app.MapWebFrontDoor();
        return app;
    }
}
