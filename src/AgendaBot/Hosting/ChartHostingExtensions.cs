using AgendaBot.Charts;
using AgendaBot.Storage.Images;
using Microsoft.Extensions.Options;

namespace AgendaBot.Hosting;

/// <summary>Charts in cards: the image store, the links to it and <c>GET /images/{token}.png</c>, set up in one place.</summary>
public static partial class ChartHostingExtensions
{
    public static IServiceCollection AddAgendaBotCharts(this IServiceCollection services)
    {
        services.AddOptions<ImageOptions>().BindConfiguration(ImageOptions.SectionName)
            .Validate(ImageOptions.IsValid, "Images:PublicBaseUrl must be an absolute http(s) address without query, e.g. https://agendabot.example.org.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ImageLinks>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgendaBotImages(this IEndpointRouteBuilder endpoints)
    {
        // HEAD too: link checkers and some proxies ask before they fetch.
        endpoints.MapMethods(ImageEndpoint.Route, [HttpMethods.Get, HttpMethods.Head], ImageEndpoint.GetAsync);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ImageOptions>>().Value;
        if (options.PublicBaseUrl is null)
        {
            var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChartHostingExtensions).FullName!);
            LogNoPublicBaseUrl(logger);
        }

        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Images:PublicBaseUrl is not set: chart links use the address of the request being answered (right for local runs; set it in a deployment).")]
    private static partial void LogNoPublicBaseUrl(ILogger logger);
}
