namespace AgendaBot.Infrastructure.Graph;

public static class GraphHostingExtensions
{
    /// <summary>Microsoft Graph with the bot's credential; present but "not available" when Graph:Enabled is off.</summary>
    public static IServiceCollection AddAgendaBotGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName);
        services.AddSingleton(sp => new GraphConnection(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>(), sp.GetService<Azure.Core.TokenCredential>()));
        services.AddScoped<DirectoryProfiles>();
        services.AddScoped<ChannelFiles>();
        services.AddScoped<TeamMeetings>();
        return services;
    }
}
