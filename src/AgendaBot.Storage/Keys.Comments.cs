namespace AgendaBot.Storage;

/// <summary>Keys of the draft-for-comment rounds; the rest of <see cref="Keys"/> is in Keys.cs.</summary>
public static partial class Keys
{
    // Measures table, the agenda's partition: the round lives next to the measures and comments it is about.
    public static string CommentRoundRow(string roundId) => Join("cround", roundId);

    public const string CommentRoundPrefix = "cround|";

    public const string CommentPrefixAll = "cm|";

    // Deadlines table: one partition for all tenants, sorted by due time, like the voting rounds'.
    public const string CommentDeadlinePartition = "comments";
}
