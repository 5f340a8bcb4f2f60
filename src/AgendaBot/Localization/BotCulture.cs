using System.Globalization;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Localization;

/// <summary>German unless the user's Teams client speaks English.</summary>
public static class BotCulture
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo For(Activity activity, BotLocalizationOptions options)
    {
        var locale = string.IsNullOrWhiteSpace(options.ForceCulture)
            ? activity.Locale ?? activity.Entities?.Select(e => e.AsClientInfo()?.Locale).FirstOrDefault(l => l is not null)
            : options.ForceCulture;
        return locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : German;
    }
}
