using AgendaBot.Bot.Localization;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>A stored item in words: what it is, the person's own words where it has them, and when.</summary>
public static class MyDataWords
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Longer words of the person are cut on the card; the download has them whole.</summary>
    public const int QuoteLength = 160;

    public static string GroupTitle(PersonalDataGroup group, Texts texts) => texts[$"MyDataGroup{group}"];

    /// <summary>The sentence saying what the item is ("Workshop „Verwaltung“, Schritt 2").</summary>
    public static string Sentence(PersonalItem item, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(texts);
        var key = item.Kind == PersonalDataKind.Registration && item.Text == "Moderator" ? TextKey.MyDataKindRegistrationModerator : $"MyDataKind{item.Kind}";
        return texts.Format(key,
            item.Where ?? "–",
            item.Measure ?? "–",
            item.Step?.ToString(texts.Culture) ?? "–",
            Detail(item, texts),
            item.RoundStartedAt is { } started ? Date(started, texts) : "–",
            item.Text ?? "–");
    }

    /// <summary>The person's own words, for the kinds that are what they wrote; otherwise null.</summary>
    public static string? Quote(PersonalItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind is not (PersonalDataKind.Contribution or PersonalDataKind.Comment or PersonalDataKind.KickOffIdea) || string.IsNullOrWhiteSpace(item.Text))
        {
            return null;
        }

        var text = item.Text.ReplaceLineEndings(" ").Trim();
        return text.Length <= QuoteLength ? $"„{text}“" : $"„{text[..QuoteLength].TrimEnd()} …“";
    }

    /// <summary>"15.04.2027, 14:30" in German time.</summary>
    public static string When(DateTimeOffset at, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var local = TimeZoneInfo.ConvertTime(at, Berlin);
        return $"{local.ToString("d", texts.Culture)}, {local.ToString("t", texts.Culture)}";
    }

    public static string Date(DateTimeOffset at, Texts texts) => TimeZoneInfo.ConvertTime(at, Berlin).ToString("d", texts.Culture);

    // Stored codes in words: a stakeholder group, a measure's status; a changed field stays as it is named.
    private static string Detail(PersonalItem item, Texts texts) => item switch
    {
        { Detail: null } => "–",
        { Kind: PersonalDataKind.Registration or PersonalDataKind.KickOffRegistration } => texts[$"Group{item.Detail}"],
        { Kind: PersonalDataKind.MeasureOwned } => texts[$"Status{item.Detail}"],
        _ => item.Detail,
    };
}
