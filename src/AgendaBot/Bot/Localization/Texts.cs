using System.Globalization;
using System.Resources;

namespace AgendaBot.Bot.Localization;

/// <summary>The user-visible texts for one culture.</summary>
public sealed class Texts(CultureInfo culture)
{
    private static readonly ResourceManager Resources =
        new("AgendaBot.Resources.Strings", typeof(Texts).Assembly);

    public CultureInfo Culture { get; } = culture;

    public string this[string key] =>
        Resources.GetString(key, Culture)
        ?? throw new KeyNotFoundException($"No text '{key}' for culture '{Culture.Name}'.");

    /// <summary>The text with its placeholders filled; counted nouns (<c>{0:#Stimme|Stimmen}</c>) agree with their number.</summary>
    public string Format(string key, params object?[] args) => string.Format(new CountedNoun(Culture), this[key], args);

    /// <summary>For the tests that prove every key exists in both languages.</summary>
    internal static string? Lookup(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);
}
