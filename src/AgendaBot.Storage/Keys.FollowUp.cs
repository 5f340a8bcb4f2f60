using System.Globalization;

namespace AgendaBot.Storage;

/// <summary>Keys of the plan's follow-up rows in the Measures table (posted summaries, reminders sent).</summary>
public static partial class Keys
{
    /// <summary>The plan summary posted into one conversation: the activity to update in place.</summary>
    public static string PlanPostRow(string conversationId) => Join("planpost", conversationId);

    public const string PlanPostPrefix = "planpost|";

    /// <summary>One reminder of a measure's owner: per last update and 14-day period, so each period reminds once.</summary>
    public static string ReminderRow(string measureId, DateTimeOffset lastUpdate, int period) =>
        Join("remind", measureId, lastUpdate.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), period.ToString(CultureInfo.InvariantCulture));

    public const string ReminderPrefix = "remind|";
}
