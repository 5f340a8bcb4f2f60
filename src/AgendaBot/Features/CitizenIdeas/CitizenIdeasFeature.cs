using AgendaBot.Infrastructure.Ideas;

namespace AgendaBot.Features.CitizenIdeas;

public static class CitizenIdeasFeature
{
    public static IServiceCollection AddCitizenIdeas(this IServiceCollection services) => services
        .AddScoped<IdeaTargets>()
        .AddScoped<IdeaDecisions>()
        .AddScoped<IIdeaModeration, AnnounceCitizenIdea>();
}
