namespace AgendaBot.Features.Prioritisation;

public static class PrioritisationFeature
{
    /// <summary>The Schlussrunde over all measures, the budget priorities and the plan's final version.</summary>
    public static IServiceCollection AddPrioritisation(this IServiceCollection services) => services.AddScoped<FinalRoundAccess>();
}
