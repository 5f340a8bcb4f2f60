namespace AgendaBot.Features.KickOffs;

public static class KickOffFeature
{
    /// <summary>The agenda's kick-off: its board and how its ideas reach the workshops.</summary>
    public static IServiceCollection AddKickOff(this IServiceCollection services) => services
        .AddScoped<KickOffBoard>()
        .AddScoped<KickOffIdeasIntoWorkshop>();
}
