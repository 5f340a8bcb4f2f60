using System.Globalization;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Bot.Localization;

/// <summary>German unless the user's Teams client speaks English.</summary>
public static class BotCulture
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo For(Activity activity, BotLocalizationOptions options) =>
        IsEnglish(LocaleOf(activity, options)) ? English : German;

    /// <summary>
    /// "en" or "de", as remembered with a personal chat: the language this activity's client speaks, or null when the
    /// activity does not say (then the bot answers in German but does not take that for the person's choice).
    /// </summary>
    public static string? LanguageOf(Activity activity, BotLocalizationOptions options) =>
        LocaleOf(activity, options) is { } locale ? (IsEnglish(locale) ? "en" : "de") : null;

    /// <summary>The culture of a remembered language; German when unknown, as for everybody who never said.</summary>
    public static CultureInfo ForLanguage(string? language) => language == "en" ? English : German;

    private static string? LocaleOf(Activity activity, BotLocalizationOptions options) =>
        string.IsNullOrWhiteSpace(options.ForceCulture)
            ? activity.Locale ?? activity.Entities?.Select(e => e.AsClientInfo()?.Locale).FirstOrDefault(l => l is not null)
            : options.ForceCulture;

    private static bool IsEnglish(string? locale) => locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
