using AgendaBot.Infrastructure.Delivery;

namespace AgendaBot.Features.Contributions;

public static class ContributionsFeature
{
    /// <summary>Contributions, their moderation and the pinboard that shows them.</summary>
    public static IServiceCollection AddContributions(this IServiceCollection services)
    {
        services.AddOptions<ContributionOptions>().BindConfiguration(ContributionOptions.SectionName)
            .Validate(o => o.MaxPerPersonPerMinute > 0 && o.PinboardInterval >= TimeSpan.Zero && o.PinboardPagesPerRedraw > 0,
                "Contributions: MaxPerPersonPerMinute and PinboardPagesPerRedraw must be positive, PinboardInterval not negative.")
            .ValidateOnStart();
        return services
            .AddSingleton<PinboardPublisher>()
            .AddScoped<PinboardDrawing>()
            .AddSingleton<ContributionPace>()
            .AddScoped<ModerationDesk>()
            .AddScoped<ChatWorkshops>()
            .AddScoped<PreviewContribution>()
            .AddScoped<IRedrawnCards, RedrawnPinboard>();
    }
}
