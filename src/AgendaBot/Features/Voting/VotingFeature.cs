namespace AgendaBot.Features.Voting;

public static class VotingFeature
{
    /// <summary>Voting rounds: the shared ballot card and its turnout, closing by click or deadline, the results.</summary>
    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.AddOptions<VotingOptions>().BindConfiguration(VotingOptions.SectionName)
            .Validate(o => o.DeadlinePollInterval > TimeSpan.Zero && o.SharedCardInterval >= TimeSpan.Zero,
                "Voting: DeadlinePollInterval must be positive and SharedCardInterval not negative.")
            .ValidateOnStart();
        return services
            .AddScoped<RoundCloser>()
            .AddScoped<ResultsPicture>()
            .AddSingleton<SharedBallotCard>()
            .AddSingleton<KnownVoters>()
            .AddHostedService<RoundDeadlineWatcher>();
    }
}
