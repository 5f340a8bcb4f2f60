using AgendaBot.Infrastructure.Delivery;

namespace AgendaBot.Features.Plan;

public static class PlanFeature
{
    /// <summary>The time-and-measures plan of step 6: its form, its summary card and the timeline picture.</summary>
    public static IServiceCollection AddPlan(this IServiceCollection services) => services
        .AddScoped<PlanPicture>()
        .AddScoped<PlanSummaryPublisher>()
        .AddScoped<IRedrawnCards, RedrawnPlanSummary>();
}
