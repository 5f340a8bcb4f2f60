using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Plan;

/// <summary>
/// The plan summary in the channels: the agenda's measures by priority (title, owner, dates, status, progress) and the
/// timeline picture. Titles and names are people's words, so they go into text runs.
/// </summary>
public static class PlanSummaryCard
{
    /// <summary>Measures listed in the card; the card must stay under Teams' message size.</summary>
    public const int MaxListed = 40;

    /// <param name="measures">In plan order (<see cref="MeasureTexts.ByPriority"/>).</param>
    /// <param name="pictureUrl">The timeline picture; null when it could not be made.</param>
    /// <param name="agendaId">Given, the card offers to record a consultation about the plan (the rights are checked on click).</param>
    /// <param name="stage">"Entwurf" or "Endfassung seit …" (<see cref="MeasureTexts.Stage"/>); null leaves it out.</param>
    public static AdaptiveCard Render(string agendaTitle, IReadOnlyList<Measure> measures, string? pictureUrl, DateTimeOffset now, Texts texts,
        string? agendaId = null, string? stage = null)
    {
        var title = texts.Format(TextKey.PlanOverviewTitle, agendaTitle);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(measures.Count == 0
                ? texts[TextKey.PlanOverviewEmpty]
                : texts.Format(TextKey.PlanOverviewCount, measures.Count, MeasureTexts.Date(now, texts))) { IsSubtle = true, Spacing = ElementSpacing.None },
        };
        if (stage is not null)
        {
            body.Add(new TextBlock(stage) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Small });
        }

        if (pictureUrl is not null && measures.Count > 0)
        {
            body.Add(new Image(pictureUrl, AltText(measures, texts)) { Size = ImageSize.Stretch });
            if (measures.Count > PlanPicture.MaxRows)
            {
                body.Add(new TextBlock(texts.Format(TextKey.PlanTimelineFirst, PlanPicture.MaxRows, measures.Count)) { IsSubtle = true, Spacing = ElementSpacing.None });
            }
        }

        var rank = 0;
        foreach (var m in measures.Take(MaxListed))
        {
            rank++;
            var heading = new List<TextRun> { new($"{m.Priority ?? rank}. {m.Title}") { Weight = TextWeight.Bolder } };
            if (m.NextBudgetYear)
            {
                heading.Add(new TextRun($" · {texts[TextKey.PlanOverviewBudgetYear]}") { IsSubtle = true });
            }

            body.Add(new RichTextBlock(heading) { Spacing = ElementSpacing.Medium, Separator = true });
            body.Add(new RichTextBlock([new TextRun(texts.Format(TextKey.PlanOverviewLine, m.Owner?.Name ?? "–",
                MeasureTexts.Date(m.Start, texts), MeasureTexts.Date(m.End, texts), MeasureTexts.Status(m.Status, texts), m.Progress))
            {
                Color = m.Status == MeasureStatus.Delayed ? TextColor.Attention : null,
            }]) { Spacing = ElementSpacing.None });
        }

        if (measures.Count > MaxListed)
        {
            body.Add(new TextBlock(texts.Format(TextKey.PlanOverviewMore, measures.Count - MaxListed)) { IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
            Actions = agendaId is null ? null
                : [ExecuteAction.WithSubmitFallback(texts[TextKey.ButtonRecordConsultation], CardVerbs.OpenConsultationForm,
                    CardPayload.Write(new Consultations.ConsultationAgendaRef(agendaId), Consultations.ConsultationCardJson.Default.ConsultationAgendaRef))],
        };
    }

    // The picture says in words what it shows, for screen readers and clients that do not load it.
    private static string AltText(IReadOnlyList<Measure> measures, Texts texts) =>
        texts[TextKey.PlanTimelineTitle] + ": " + string.Join("; ", measures.Take(8).Select(m =>
            $"{m.Title} {MeasureTexts.Date(m.Start, texts)}–{MeasureTexts.Date(m.End, texts)}"));
}
