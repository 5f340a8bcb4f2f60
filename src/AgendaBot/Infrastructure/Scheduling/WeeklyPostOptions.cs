namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>The weekly post scheduler (section <c>WeeklyPosts</c>).</summary>
public sealed class WeeklyPostOptions
{
    public const string SectionName = "WeeklyPosts";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A post missed because no instance ran at its time is still produced this long afterwards (e.g. a deployment
    /// at 08:00); later it is skipped for that week rather than arriving days late.
    /// </summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The scheduler looks at the agenda index at least this often, to see new agendas and changed schedules.</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A week's lease whose holder has not finished after this long is taken over by another instance.</summary>
    public TimeSpan LeaseStaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
