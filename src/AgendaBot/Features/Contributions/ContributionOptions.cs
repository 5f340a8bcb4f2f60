namespace AgendaBot.Features.Contributions;

/// <summary>How fast contributions may come in and how fast the pinboard follows them (section <c>Contributions</c>).</summary>
public sealed class ContributionOptions
{
    public const string SectionName = "Contributions";

    /// <summary>
    /// Contributions one person may save per minute in one workshop; more are refused with a message and not stored.
    /// Counted per instance, in memory: with n instances behind a load balancer a person may get up to n times as many.
    /// </summary>
    public int MaxPerPersonPerMinute { get; set; } = 10;

    /// <summary>
    /// At most one pinboard redraw per workshop per interval and instance; changes within it are shown together by one
    /// trailing redraw at its end. Teams takes about seven messages a second per conversation, and other posts share them.
    /// </summary>
    public TimeSpan PinboardInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Pages one redraw may send; a change that moves many pages (hiding an early contribution) is shown over several
    /// intervals. Every send also waits for a slot within Teams' per-conversation limits as this instance counts them.
    /// </summary>
    public int PinboardPagesPerRedraw { get; set; } = 3;
}
