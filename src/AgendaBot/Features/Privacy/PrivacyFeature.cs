namespace AgendaBot.Features.Privacy;

public static class PrivacyFeature
{
    /// <summary>"meine daten" and "daten löschen"; an erasure draws the posted cards that named the person again.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services
        .AddScoped<PostedCardsReach>()
        .AddScoped<MyDataDownload>()
        .AddSingleton<ErasuresInProgress>();
}
