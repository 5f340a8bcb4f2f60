using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Tests;

/// <summary>
/// Every text, filled with a count of one and of three, agrees with its number ("1 Stimme", "3 Stimmen"), and the
/// German ones address people as "Sie".
/// </summary>
public sealed partial class GermanThatReadsRightTests
{
    public static TheoryData<string, string> AllTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in typeof(TextKey).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!, "de");
            data.Add((string)field.GetValue(null)!, "en");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTexts))]
    public void A_count_of_one_takes_the_singular_and_more_the_plural(string key, string language)
    {
        var texts = new Texts(CultureInfo.GetCultureInfo(language));

        var one = texts.Format(key, Enumerable.Repeat<object?>(1, 10).ToArray());
        var three = texts.Format(key, Enumerable.Repeat<object?>(3, 10).ToArray());

        Assert.DoesNotMatch(PluralAfterOne(), one);
        Assert.DoesNotMatch(SingularAfterThree(), three);
    }

    [Theory]
    [MemberData(nameof(TextsTests.AllKeys), MemberType = typeof(TextsTests))]
    public void German_texts_say_Sie(string key)
    {
        Assert.DoesNotMatch(Informal(), new Texts(CultureInfo.GetCultureInfo("de"))[key]);
    }

    [Theory]
    [InlineData(1, "1 Stimme abgegeben.")]
    [InlineData(0, "0 Stimmen abgegeben.")]
    [InlineData(12, "12 Stimmen abgegeben.")]
    public void A_counted_noun_agrees_with_its_number(int ballots, string expected)
    {
        Assert.Equal(expected, new Texts(CultureInfo.GetCultureInfo("de")).Format(TextKey.ResultsSummary, ballots));
    }

    [GeneratedRegex(@"(?<![\d,.])1 (Stimmen|Einträge|Beiträge|Personen|Maßnahmen|Kommentare|Plätze|Plätzen|Verantwortliche haben|Punkte|Indikatoren|Meilensteine|Arbeitspakete|Tagen|Tage|Karten|votes|ballots|entries|contributions|people|measures|comments|places|points|indicators|milestones|packages|days|cards|participants|owners)\b")]
    private static partial Regex PluralAfterOne();

    [GeneratedRegex(@"(?<![\d,.])3 (Stimme|Eintrag|Beitrag|Person|Maßnahme|Kommentar|Platz|Punkt|Indikator|Meilenstein|Arbeitspaket|Tag|Karte|vote|ballot|entry|contribution|person|measure|comment|place|point|indicator|milestone|package|day|card|participant|owner)\b")]
    private static partial Regex SingularAfterThree();

    [GeneratedRegex(@"\b([Dd]u|[Dd]ein|[Dd]eine|[Dd]einen|[Dd]einem|[Dd]einer|[Dd]ir|[Dd]ich|wähle|schreib|klick)\b")]
    private static partial Regex Informal();
}
