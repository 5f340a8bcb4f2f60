using AgendaBot.Bot.Localization;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Features.Privacy;

/// <summary>
/// "daten löschen" before anything happens: what erasure does with what is stored, in counts, what it means for a
/// measure owner and a project lead (as <see cref="PersonalDataService.EraseAsync"/> does it: measures and agendas stay
/// without them, and nobody is told), and the buttons "Daten löschen" and "Abbrechen".
/// </summary>
public static class EraseCard
{
    // Each kind that people know by name has its sentence; the rest is counted as further entries.
    private static readonly (PersonalDataKind Kind, string Text)[] Named =
    [
        (PersonalDataKind.Registration, TextKey.MyDataEraseRegistrations),
        (PersonalDataKind.Contribution, TextKey.MyDataEraseContributions),
        (PersonalDataKind.Ballot, TextKey.MyDataEraseBallots),
        (PersonalDataKind.SecretVote, TextKey.MyDataEraseSecretVotes),
        (PersonalDataKind.Comment, TextKey.MyDataEraseComments),
    ];

    private static readonly PersonalDataKind[] Warned = [PersonalDataKind.MeasureOwned, PersonalDataKind.ProjectLead];

    public static AdaptiveCard Render(IReadOnlyList<PersonalItem> items, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(texts);
        var body = new List<CardElement>
        {
            new TextBlock(texts[TextKey.MyDataEraseTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };

        // What it means for others comes first, set apart. Agenda titles are the project lead's words: text runs, never markdown.
        var warnings = items.Where(i => i.Kind == PersonalDataKind.ProjectLead)
            .Select(i => (CardElement)new RichTextBlock([new TextRun(texts.Format(TextKey.MyDataEraseProjectLead, i.Text ?? "–"))])).ToList();
        if (items.Count(i => i.Kind == PersonalDataKind.MeasureOwned) is > 0 and var owned)
        {
            warnings.Add(new TextBlock(texts.Format(TextKey.MyDataEraseMeasureOwner, owned)));
        }

        if (warnings.Count > 0)
        {
            body.Add(new Container(warnings) { Style = ContainerStyle.Emphasis });
        }

        var points = new List<CardElement>();
        foreach (var (kind, text) in Named)
        {
            if (items.Count(i => i.Kind == kind) is > 0 and var count)
            {
                points.Add(Point(texts.Format(text, count)));
            }
        }

        var others = items.Where(i => !Warned.Contains(i.Kind) && !Named.Any(n => n.Kind == i.Kind)).ToList();
        if (others.Count(i => i.Erasure == ItemErasure.Deleted) is > 0 and var deleted)
        {
            points.Add(Point(texts.Format(TextKey.MyDataEraseOtherDeleted, deleted)));
        }

        if (others.Count(i => i.Erasure == ItemErasure.Anonymised) is > 0 and var kept)
        {
            points.Add(Point(texts.Format(TextKey.MyDataEraseOtherKept, kept)));
        }

        if (points.Count > 0)
        {
            body.Add(new TextBlock(texts[TextKey.MyDataEraseIntro]) { Spacing = ElementSpacing.Medium });
            body.AddRange(points);
        }

        body.Add(new TextBlock(texts[TextKey.MyDataEraseFinal]) { Spacing = ElementSpacing.Medium });
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts[TextKey.MyDataEraseTitle],
            MsTeams = new(),
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.MyDataEraseButton], CardVerbs.ErasePersonalData, data: null),
                ExecuteAction.WithSubmitFallback(texts[TextKey.MyDataEraseCancelButton], CardVerbs.CancelErasePersonalData, data: null),
            ],
        };
    }

    /// <summary>What replaces the card once it is answered: no buttons left to click again.</summary>
    public static AdaptiveCard Done(string text, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = text,
            MsTeams = new(),
            Body = [new TextBlock(text)],
        };
    }

    private static TextBlock Point(string text) => new($"- {text}") { Spacing = ElementSpacing.Small };
}
