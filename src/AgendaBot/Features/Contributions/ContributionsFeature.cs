using AgendaBot.Infrastructure.Delivery;

namespace AgendaBot.Features.Contributions;

public static class ContributionsFeature
{
    /// <summary>Contributions, their moderation and the pinboard that shows them.</summary>
    public static IServiceCollection AddContributions(this IServiceCollection services) => services
        .AddScoped<PinboardPublisher>()
        .AddScoped<ModerationDesk>()
        .AddScoped<IRedrawnCards, RedrawnPinboard>();
}
