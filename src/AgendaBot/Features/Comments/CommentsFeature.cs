namespace AgendaBot.Features.Comments;

public static class CommentsFeature
{
    /// <summary>The draft action concept sent for comment, the comments and the report at the deadline.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.SectionName)
            .Validate(o => o.DeadlinePollInterval > TimeSpan.Zero, "Comments:DeadlinePollInterval must be positive.")
            .ValidateOnStart();
        return services
            .AddScoped<DraftAgenda>()
            .AddScoped<DraftComments>()
            .AddScoped<MyDraftComments>()
            .AddHostedService<CommentDeadlineWatcher>();
    }
}
