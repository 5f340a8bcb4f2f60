using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Tests.Measures;

/// <summary>The Monday post for a big agenda still fits into one Teams message.</summary>
public sealed partial class WeeklyCardSizeTests
{
    /// <summary>Teams refuses larger messages (platform notes: keep a message under about 28 KB of JSON).</summary>
    private const int TeamsMessageLimitBytes = 28_000;

    private static readonly DateTimeOffset Monday = new(2027, 3, 15, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void Weekly_card_for_1000_measures_stays_within_the_Teams_size_limit(string culture)
    {
        var texts = new Texts(new CultureInfo(culture));
        var measures = Enumerable.Range(0, 1000).Select(i => Measure(i, Longest)).ToList();
        var history = measures.Select(m => new MeasureChange(m.Id, Person(m.Id), Monday.AddDays(-1), "description",
            Longest(m.Id, TextLimits.ContributionText), Longest(m.Id + "x", TextLimits.ContributionText))).ToList();
        var status = WeeklyStatus.Compose(measures, history, Monday);

        var card = WeeklyStatusCard.Render(Longest("agenda", TextLimits.Title), measures, status, texts, "agenda-1");

        var message = JsonSerializer.SerializeToUtf8Bytes(Poster.Message(card, texts, "19:channel@thread.tacv2"), ProtocolJson.Context.Activity);
        Assert.True(message.Length < TeamsMessageLimitBytes, $"The weekly card message is {message.Length} bytes.");
        Assert.Equal(1000, status.CountByStatus.Values.Sum());
        var counts = ((TextBlock)card.Body![1]).Text;
        foreach (var measureStatus in Enum.GetValues<MeasureStatus>())
        {
            Assert.Contains($"200 {WeeklyStatusCard.StatusName(texts, measureStatus)}", counts, StringComparison.Ordinal);
        }

        // Every listed item is either shown or counted in the section's "… and n more".
        var listed = status.Overdue.Count + status.LateMeasures.Count + status.DueSoon.Count + status.OffTarget.Count
            + status.WithoutUpdate.Count + status.ChangedSinceLastWeek.Count;
        var shown = card.Body!.OfType<RichTextBlock>().Count(b => b.Inlines[0].Text.StartsWith("• ", StringComparison.Ordinal));
        var more = card.Body!.OfType<TextBlock>().Select(b => MoreLine().Match(b.Text)).Where(m => m.Success).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(listed, shown + more);
        Assert.InRange(shown, 6, 6 * WeeklyStatusCard.MaxLines);
    }

    [Fact]
    public void A_short_list_is_shown_whole()
    {
        var texts = new Texts(new CultureInfo("de-DE"));
        var measures = Enumerable.Range(0, 3).Select(i => Measure(i * 5 + 1, (seed, _) => $"Maßnahme {seed}")).ToList();

        var card = WeeklyStatusCard.Render("Digitale Agenda Hagenow", measures, WeeklyStatus.Compose(measures, [], Monday), texts);

        Assert.DoesNotContain(card.Body!.OfType<TextBlock>(), b => MoreLine().IsMatch(b.Text));
        Assert.Equal(3 * 5, card.Body!.OfType<RichTextBlock>().Count(b => b.Inlines[0].Text.StartsWith("• ", StringComparison.Ordinal)));
    }

    /// <summary>A measure that shows up in every list: late, a milestone overdue and one due, an indicator behind, no update in weeks.</summary>
    private static Measure Measure(int i, Func<string, int, string> text) => new Measure
    {
        Id = $"m{i:D4}",
        AgendaId = "agenda-1",
        Title = text($"m{i}", TextLimits.Title),
        Owner = new TeamsUser($"aad-m{i}", text($"o{i}", TextLimits.Name)),
        Status = (MeasureStatus)(i % 5),
        Start = new DateOnly(2027, 1, 1),
        End = new DateOnly(2027, 3, 1),
        Milestones = [new(text($"ms{i}", TextLimits.ShortText), new DateOnly(2027, 2, 1)), new(text($"md{i}", TextLimits.ShortText), new DateOnly(2027, 3, 20))],
        Indicators = [new(text($"i{i}", TextLimits.ShortText), text("u", 40), 0, 100, 1)],
        UpdatedAt = Monday.AddDays(-30),
    }.Validated();

    private static TeamsUser Person(string seed) => new($"aad-{seed}", Longest(seed, TextLimits.Name));

    /// <summary>
    /// A text of the full allowed length whose every character the JSON encoder writes as six bytes (<c>\uXXXX</c>):
    /// umlauts, emoji and HTML-sensitive characters — the most a card line can weigh.
    /// </summary>
    private static string Longest(string seed, int length)
    {
        var text = string.Concat(Enumerable.Repeat(seed + "Ä<😀&ö", length))[..length];
        return char.IsHighSurrogate(text[^1]) ? text[..^1] + "ü" : text;
    }

    [GeneratedRegex(@"^… (?:und|and) (\d+) (?:weitere|more)$")]
    private static partial Regex MoreLine();
}
