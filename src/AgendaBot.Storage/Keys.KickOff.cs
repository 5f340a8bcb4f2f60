namespace AgendaBot.Storage;

/// <summary>Keys of the kick-off; the rest of <see cref="Keys"/> is in Keys.cs.</summary>
public static partial class Keys
{
    // Measures table, the agenda's partition: the kick-off, who took part, and its ideas.
    public const string KickOffRow = "kickoff";

    /// <summary>One person at the kick-off: the key ends with them, so registering again changes their group.</summary>
    public static string KickOffMemberRow(string userId) => Join("km", userId);

    public const string KickOffMemberPrefix = "km|";

    public static string KickOffIdeaRow(string ideaId) => Join("ki", ideaId);

    public const string KickOffIdeaPrefix = "ki|";
}
