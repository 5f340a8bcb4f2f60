using AgendaBot.Storage.Images;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>Charts in cards: the image store and the links to its pictures (which the web front door serves).</summary>
public static class ChartHostingExtensions
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
}
