using System.Globalization;
using System.Reflection;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Tests;

public sealed class TextsTests
{
    // Words that German and English share; everything else must really be translated.
    private static readonly HashSet<string> SameInBothLanguages =
        [TextKey.HelpCommandAgenda, TextKey.HelpCommandWorkshop, TextKey.FormExampleLink, TextKey.WeeklyChangeLine];

    public static TheoryData<string> AllKeys()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(TextKey).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_text_exists_in_German_and_in_English(string key)
    {
        var german = Texts.Lookup(key, CultureInfo.InvariantCulture);
        var english = Texts.Lookup(key, CultureInfo.GetCultureInfo("en"));

        Assert.False(string.IsNullOrWhiteSpace(german), $"German text '{key}' is missing");
        Assert.False(string.IsNullOrWhiteSpace(english), $"English text '{key}' is missing");
        if (!SameInBothLanguages.Contains(key))
        {
            Assert.NotEqual(german, english);
        }
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("tr-TR", "de")]
    [InlineData(null, "de")]
    public void The_bot_speaks_German_unless_the_client_speaks_English(string? locale, string expected)
    {
        var activity = new AgendaBot.Protocol.Activities.Activity { Locale = locale };

        var culture = BotCulture.For(activity, new BotLocalizationOptions());

        Assert.Equal(expected, culture.TwoLetterISOLanguageName);
    }

    [Fact]
    public void A_forced_culture_wins_over_the_client_locale()
    {
        var activity = new AgendaBot.Protocol.Activities.Activity { Locale = "en-US" };

        var culture = BotCulture.For(activity, new BotLocalizationOptions { ForceCulture = "de-DE" });

        Assert.Equal("de", culture.TwoLetterISOLanguageName);
    }
}
