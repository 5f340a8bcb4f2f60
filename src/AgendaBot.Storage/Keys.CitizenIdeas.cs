using System.Globalization;

namespace AgendaBot.Storage;

/// <summary>Keys of the citizens' ideas; the rest of <see cref="Keys"/> is in Keys.cs.</summary>
public static partial class Keys
{
    // Measures table, the agenda's partition: an idea and the day's count it belongs to change in one transaction.
    public static string CitizenIdeaRow(string ideaId) => Join("ci", ideaId);

    public const string CitizenIdeaPrefix = "ci|";

    /// <summary>How many ideas an agenda took on one day (Europe/Berlin), for its daily cap.</summary>
    public static string CitizenIdeaDayRow(DateOnly day) => "cid|" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public const string CitizenIdeaDayPrefix = "cid|";
}
