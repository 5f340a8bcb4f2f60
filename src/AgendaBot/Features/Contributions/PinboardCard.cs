using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// The living pinboard: every visible contribution, grouped by step and numbered, like the flipchart in the room.
/// Everything a participant wrote goes into <see cref="TextRun"/>s, which Teams never reads as markdown.
/// When it outgrows a safe message size it continues on a further page (a further message). Contributions are only
/// ever added to the current step, the last on the board, so pages fill from the front and a new one changes only
/// the last page.
/// </summary>
public static class PinboardCard
{
    /// <summary>Teams refuses messages somewhere between 28 and 100 KB; pages stay well below the lower figure.</summary>
    public const int MaxPageBytes = 20_000;

    /// <param name="atLeastPages">
    /// Messages already posted: when the pinboard shrank (hidden contributions), the surplus ones become empty pages.
    /// </param>
    public static IReadOnlyList<AdaptiveCard> Render(Workshop workshop, IReadOnlyList<Contribution> contributions, Texts texts, int atLeastPages = 1)
    {
        var blocks = new List<CardElement>();
        foreach (var step in Enum.GetValues<WorkshopStep>().Where(s => s <= workshop.CurrentStep))
        {
            var items = contributions.Where(c => c.Step == step && !c.Hidden).OrderBy(c => c.Number).ToList();
            blocks.Add(new TextBlock(StepTexts.Heading(texts, step)) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium, Separator = true });
            blocks.AddRange(items.Count == 0
                ? [new TextBlock(texts[TextKey.PinboardEmpty]) { IsSubtle = true, Spacing = ElementSpacing.Small }]
                : items.Select(c => Item(c, texts)));
        }

        var pages = new List<List<CardElement>> { new() };
        var size = 0;
        foreach (var block in blocks)
        {
            var blockSize = JsonSerializer.SerializeToUtf8Bytes(new AdaptiveCard { Body = [block] }, CardJsonContext.Default.AdaptiveCard).Length;
            if (size + blockSize > MaxPageBytes && pages[^1].Count > 0)
            {
                pages.Add([]);
                size = 0;
            }

            pages[^1].Add(block);
            size += blockSize;
        }

        while (pages.Count < atLeastPages)
        {
            pages.Add([]);
        }

        return pages.Select((body, index) => Page(workshop, body, index + 1, pages.Count, texts)).ToList();
    }

    /// <summary>A page the pinboard no longer fills (it shrank): its title only.</summary>
    public static AdaptiveCard Blank(Workshop workshop, Texts texts) => Page(workshop, [], 1, 1, texts);

    /// <summary>What a page shows, in a few bytes: equal fingerprints, equal messages.</summary>
    public static string Fingerprint(AdaptiveCard page) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(page, CardJsonContext.Default.AdaptiveCard)), 0, 16);

    private static AdaptiveCard Page(Workshop workshop, List<CardElement> body, int page, int pageCount, Texts texts)
    {
        var title = texts.Format(TextKey.PinboardTitle, workshop.FieldOfAction);
        var header = new List<CardElement> { new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder } };
        if (pageCount > 1)
        {
            // The page's number alone: "of N" would change every page whenever one is added.
            header.Add(new TextBlock(texts.Format(TextKey.PinboardPage, page)) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        if (workshop.IsEnded)
        {
            header.Add(new TextBlock(texts.Format(TextKey.PinboardEnded, EndWorkshopCard.EndedOn(workshop))) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = [.. header, .. body],
        };
    }

    private static Container Item(Contribution c, Texts texts)
    {
        var runs = new List<TextRun>
        {
            new($"#{c.Number.ToString(CultureInfo.InvariantCulture)}  ") { Weight = TextWeight.Bolder },
            new(c.Text),
        };
        if (c.BestPractice is { } example)
        {
            runs.Add(new TextRun($"  ({string.Join(", ", new[] { example.Name, example.Place, example.Link }.Where(p => !string.IsNullOrEmpty(p)))})") { IsSubtle = true });
        }

        if (c.Goal is { } goal)
        {
            var marks = new[]
            {
                goal.Desirable ? texts[TextKey.FormGoalDesirable] : null,
                goal.Necessary ? texts[TextKey.FormGoalNecessary] : null,
                goal.Feasible ? texts[TextKey.FormGoalFeasible] : null,
            }.Where(m => m is not null).ToList();
            if (marks.Count > 0)
            {
                    runs.Add(new TextRun("  " + texts.Format(TextKey.PinboardGoalMarks, string.Join(", ", marks))) { IsSubtle = true });
            }
        }

        if (c.LinkedGoals.Count > 0)
        {
            runs.Add(new TextRun("  → " + string.Join(", ", c.LinkedGoals.Select(g => $"#{g}"))) { IsSubtle = true });
        }

        if (c.Priority is { } priority)
        {
            runs.Add(new TextRun("  " + texts.Format(TextKey.PinboardPriority, priority)) { Weight = TextWeight.Bolder, Color = TextColor.Accent });
        }

        if (c.PromotedTo is { } promoted)
        {
            runs.Add(new TextRun("  " + texts.Format(TextKey.PinboardPromoted, promoted)) { Italic = true, IsSubtle = true });
        }

        var author = c.Origin == ContributionOrigin.Citizens ? $"  – {texts[TextKey.PinboardCitizenIdea]}"
            : c.Author.IsAnonymous ? (c.Origin == ContributionOrigin.KickOff ? $"  – {texts[TextKey.PinboardKickOffIdea]}" : string.Empty)
            : c.Origin == ContributionOrigin.KickOff ? $"  – {c.Author.Name}, {texts[TextKey.PinboardKickOffIdea]}"
            : $"  – {c.Author.Name}";
        runs.Add(new TextRun(author) { IsSubtle = true, Size = TextSize.Small });
        return new Container([new RichTextBlock(runs)]) { Spacing = ElementSpacing.Small };
    }
}
