using AgendaBot.Infrastructure.Delivery;

namespace AgendaBot.Features.Workshops;

public static class WorkshopsFeature
{
    /// <summary>Opening a workshop, registration and the steps; <see cref="WorkshopFinder"/> is the seam other features find a workshop through.</summary>
    public static IServiceCollection AddWorkshops(this IServiceCollection services) => services
        .AddScoped<WorkshopFinder>()
        .AddSingleton<RegistrationCardUpdates>()
        .AddSingleton<ChannelSteering>()
        .AddScoped<IRedrawnCards, RedrawnWorkshopCards>();
}
