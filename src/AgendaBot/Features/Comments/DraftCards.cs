using System.Globalization;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Comments;

/// <summary>The cards of the draft-for-comment round: the lead's set-up, the participant's draft, the comments per measure.</summary>
public static class DraftCards
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The deadline as people in the town read it.</summary>
    public static string Local(DateTimeOffset at, Texts texts) => TimeZoneInfo.ConvertTime(at, Berlin).ToString("g", texts.Culture);

    /// <summary>A chosen day means "until the end of that day" in Germany, summer or winter time.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local)).AddSeconds(-1);
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime);

    public static AdaptiveCard Setup(Agenda agenda, int measures, DateTimeOffset now, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.DraftSetupTitle],
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.DraftSetupTitle]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.DraftSetupIntro, measures)),
            new DateInput
            {
                Id = CardInput.Id<DraftSendData>(nameof(DraftSendData.Deadline)), Label = texts[TextKey.DraftDeadlineLabel], IsRequired = true, ErrorMessage = texts[TextKey.FormRequired],
                Min = Today(now).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Value = Today(now).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        ],
        Actions =
        [
            ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSendDraft], CardVerbs.SendDraft,
                CardPayload.Write(new DraftSendData(agenda.Id), DraftCardDataJson.Default.DraftSendData)),
        ],
    };

    /// <summary>What the lead sees after sending: to how many it went, who could not be reached, and the comments button.</summary>
    public static AdaptiveCard Sent(CommentRound round, Texts texts) => new()
    {
        Lang = texts.Culture.TwoLetterISOLanguageName,
        FallbackText = texts[TextKey.DraftSetupTitle],
        MsTeams = new(),
        Body =
        [
            new TextBlock(texts[TextKey.DraftSetupTitle]) { Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.DraftSent, round.Recipients.Count - round.Unreachable, Local(round.Deadline, texts))),
            .. Unreachable(round, texts),
        ],
        Actions = [ShowCommentsButton(round, texts)],
    };

    /// <summary>The draft in a participant's personal chat: each measure with a comment field.</summary>
    public static AdaptiveCard Draft(Agenda agenda, CommentRound round, IReadOnlyList<Measure> measures, Texts texts)
    {
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.DraftCardTitle, agenda.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.DraftCardIntro, round.StartedBy.Name, Local(round.Deadline, texts))),
        };
        foreach (var (measure, index) in InRoundOrder(round, measures))
        {
            body.Add(new TextBlock(measure.Title) { Weight = TextWeight.Bolder, Separator = true });
            body.Add(new TextBlock(Details(measure, texts)) { IsSubtle = true, Spacing = ElementSpacing.None });
            if (!string.IsNullOrWhiteSpace(measure.Description))
            {
                body.Add(new TextBlock(measure.Description) { Spacing = ElementSpacing.Small });
            }

            body.Add(new TextInput { Id = $"c_{index}", Label = texts[TextKey.DraftCommentLabel], IsMultiline = true, MaxLength = TextLimits.Comment });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.DraftCardTitle, agenda.Title),
            MsTeams = new(),
            Body = body,
            Actions =
            [
                ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonSendComments], CardVerbs.CommentOnDraft,
                    CardPayload.Write(new DraftCommentData(agenda.Id, round.Id), DraftCardDataJson.Default.DraftCommentData)),
            ],
        };
    }

    /// <summary>For the lead: every measure of the round with its comments, who wrote what.</summary>
    public static AdaptiveCard Comments(Agenda agenda, CommentRound round, IReadOnlyList<Measure> measures, IReadOnlyList<MeasureComment> comments,
        Texts texts)
    {
        var ofRound = comments.Where(round.Owns).OrderBy(c => c.At).ThenBy(c => c.Author.Name, StringComparer.Ordinal).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(texts.Format(TextKey.DraftCommentsTitle, agenda.Title)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(texts.Format(TextKey.DraftCommentsSummary, Local(round.Deadline, texts), ofRound.Count,
                ofRound.Select(c => c.Author.Id).Distinct().Count())) { IsSubtle = true, Spacing = ElementSpacing.None },
        };
        foreach (var (measure, _) in InRoundOrder(round, measures))
        {
            body.Add(new TextBlock(measure.Title) { Weight = TextWeight.Bolder, Separator = true });
            var mine = ofRound.Where(c => c.MeasureId == measure.Id).ToList();
            if (mine.Count == 0)
            {
                body.Add(new TextBlock(texts[TextKey.DraftNoComments]) { IsSubtle = true, Spacing = ElementSpacing.None });
            }

            body.AddRange(mine.Select(c => new RichTextBlock([new TextRun($"{c.Author.Name}: ") { Weight = TextWeight.Bolder }, new TextRun(c.Text)])
            {
                Spacing = ElementSpacing.None,
            }));
        }

        body.AddRange(Unreachable(round, texts));
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = texts.Format(TextKey.DraftCommentsTitle, agenda.Title),
            MsTeams = new(),
            Body = body,
            Actions = [ShowCommentsButton(round, texts)],
        };
    }

    private static ExecuteAction ShowCommentsButton(CommentRound round, Texts texts) =>
        ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonShowComments], CardVerbs.ShowDraftComments,
            CardPayload.Write(new CommentRoundRef(round.AgendaId, round.Id), DraftCardDataJson.Default.CommentRoundRef));

    private static IEnumerable<CardElement> Unreachable(CommentRound round, Texts texts) => round.Unreachable == 0
        ? []
        : [new TextBlock(texts.Format(TextKey.DraftUnreachable, round.Unreachable)) { Color = TextColor.Attention, Separator = true }];

    /// <summary>The measures in the order the round lists them, with their index there (the comment inputs are named by it).</summary>
    private static IEnumerable<(Measure Measure, int Index)> InRoundOrder(CommentRound round, IReadOnlyList<Measure> measures) =>
        round.MeasureIds.Select((id, i) => (measures.FirstOrDefault(m => m.Id == id), i))
            .Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.i));

    private static string Details(Measure measure, Texts texts) => texts.Format(TextKey.DraftMeasureDetails,
        measure.Owner?.Name ?? "–",
        measure.Start?.ToString("d", texts.Culture) ?? "–",
        measure.End?.ToString("d", texts.Culture) ?? "–");
}
