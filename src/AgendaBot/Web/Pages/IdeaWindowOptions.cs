namespace AgendaBot.Web.Pages;

/// <summary>The public idea window: whether it is open, and how much it takes from one client and per agenda a day.</summary>
public sealed class IdeaWindowOptions
{
    public const string SectionName = "IdeaWindow";

    /// <summary>When false the published pages offer no form and its address answers 404.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Ideas one client (one address, known only as a salted hash) may send per <see cref="PerClientWindow"/>.</summary>
    public int PerClient { get; set; } = 5;

    public TimeSpan PerClientWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ideas an agenda takes per day (Europe/Berlin), so that a flood does not bury the moderators' channel.</summary>
    public int DailyCapPerAgenda { get; set; } = 200;

    /// <summary>The largest form body read; an idea of 1,000 characters with every field fits many times over.</summary>
    public long MaxRequestBytes { get; set; } = 32 * 1024;
}
