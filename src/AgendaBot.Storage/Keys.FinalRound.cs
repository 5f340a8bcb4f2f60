namespace AgendaBot.Storage;

/// <summary>Keys of the Schlussrunde and the plan's standing; the rest of <see cref="Keys"/> is in Keys.cs.</summary>
public static partial class Keys
{
    // Measures table, the agenda's partition: a round, its ballots and the plan it orders are one partition, so a
    // ballot and the round's version change in one transaction (no ballot is written into a closed round).
    public static string FinalRoundRow(string roundId) => Join("fr", roundId);

    public const string FinalRoundPrefix = "fr|";

    /// <summary>One person's ballot in a final round: the key ends with the voter, so a second ballot replaces the first.</summary>
    public static string FinalBallotRow(string roundId, string userId) => Join("fb", roundId, userId);

    public static string FinalBallotPrefix(string roundId) => Join("fb", roundId) + Separator;

    public const string FinalBallotPrefixAll = "fb|";

    /// <summary>Draft or final, since when, and the budget year of the priorities.</summary>
    public const string PlanStandingRow = "planstanding";
}
