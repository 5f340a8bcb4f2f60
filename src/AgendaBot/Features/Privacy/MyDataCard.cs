using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>Where the complete file of a person's data can be downloaded, and until when.</summary>
public sealed record MyDataDownloadLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// The answer to "meine daten": what is stored about the person, in words, grouped by what it is, the newest few of
/// each group; the download holds all of it.
/// </summary>
public static class MyDataCard
{
    /// <summary>How many items of a group the card shows.</summary>
    public const int PerGroup = 3;

    public static AdaptiveCard Render(IReadOnlyList<PersonalItem> items, MyDataDownloadLink? download, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(texts);
        var body = new List<CardElement>
        {
            new TextBlock(texts[TextKey.PersonalDataExportTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts[TextKey.MyDataIntro]),
        };
        foreach (var group in items.GroupBy(i => i.Group).OrderBy(g => g.Key))
        {
            body.Add(new TextBlock(MyDataWords.GroupTitle(group.Key, texts)) { Weight = TextWeight.Bolder, Separator = true, Spacing = ElementSpacing.Medium });
            var newest = group.OrderByDescending(i => i.At ?? DateTimeOffset.MinValue).ToList();
            body.AddRange(newest.Take(PerGroup).Select(item => Item(item, texts)));
            if (newest.Count > PerGroup)
            {
                body.Add(new TextBlock(texts.Format(TextKey.MyDataMore, newest.Count - PerGroup)) { IsSubtle = true, Spacing = ElementSpacing.Small });
            }
        }

        var actions = new List<CardAction>();
        if (download is not null)
        {
            body.Add(new TextBlock(texts.Format(TextKey.MyDataDownloadIntro, MyDataWords.When(download.ExpiresAt, texts)))
                { Separator = true, Spacing = ElementSpacing.Medium });
            actions.Add(new OpenUrlAction(texts[TextKey.MyDataDownloadButton], download.Url));
        }

        body.Add(new TextBlock(texts[TextKey.MyDataEraseHint]) { IsSubtle = true });
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts[TextKey.PersonalDataExportTitle],
            MsTeams = new(),
            Body = body,
            Actions = actions,
        };
    }

    // The person's words and the names of workshops and measures are text runs, never markdown.
    private static CardElement Item(PersonalItem item, Texts texts)
    {
        var when = item.At is { } at ? $" · {MyDataWords.When(at, texts)}" : string.Empty;
        var sentence = MyDataWords.Sentence(item, texts);
        return MyDataWords.Quote(item) is { } quote
            ? new Container(
            [
                new RichTextBlock([new TextRun(quote)]),
                new RichTextBlock([new TextRun(sentence + when) { IsSubtle = true }]) { Spacing = ElementSpacing.None },
            ]) { Spacing = ElementSpacing.Small }
            : new RichTextBlock(when.Length == 0 ? [new TextRun(sentence)] : [new TextRun(sentence), new TextRun(when) { IsSubtle = true }])
                { Spacing = ElementSpacing.Small };
    }
}
