using AgendaBot.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgendaBot.Features.Measures;

public static class MeasuresFeature
{
    /// <summary>Measures after planning: status reports by their owners, reminders and the weekly status post.</summary>
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, "Reminders:Interval must be positive.")
            .ValidateOnStart();
        return services
            .Replace(ServiceDescriptor.Singleton<IWeeklyReport, MeasureStatusReport>())
            .AddSingleton<OwnerRequests>()
            .AddSingleton<EvaluationReader>()
            .AddSingleton<MeasureReminders>()
            .AddHostedService(sp => sp.GetRequiredService<MeasureReminders>());
    }
}
