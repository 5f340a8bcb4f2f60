using System.Globalization;
using System.Text.Json;
using AgendaBot.Bot.Cards;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Features.Measures;

/// <summary>
/// The Monday post for the project lead: counts per status, the week's changes, overdue and upcoming milestones,
/// indicators behind plan, silent measures. Measure titles and names are people's words, so they go into text runs.
/// </summary>
/// <remarks>
/// Teams refuses a message over about 28 KB of JSON, and an agenda can have a thousand measures. The counts cover all
/// of them; each list shows at most <see cref="MaxLines"/> lines within <see cref="SectionBudgetBytes"/> of JSON and
/// says how many more there are. The budget is counted as the JSON encoder writes the text: a character outside
/// ASCII (umlauts, emoji) or one of <c>&lt;&gt;&amp;'"</c> takes six bytes as <c>\uXXXX</c>.
/// </remarks>
// Seam: the export shows measure statuses as the weekly report does.
[Seam]
public static class WeeklyStatusCard
{
    public const int MaxLines = 10;

    /// <summary>JSON bytes the lines of one section may take: six sections stay far enough below the 28 KB Teams takes.</summary>
    public const int SectionBudgetBytes = 3_400;

    /// <summary>A line longer than this is cut, so that one line always fits into a section's budget.</summary>
    public const int MaxLineChars = 300;

    // What a line's RichTextBlock adds around its text in the card's JSON.
    private const int LineOverheadBytes = 100;

    /// <param name="agendaId">Given, the card offers the project lead to ask the owners of silent measures for an update.</param>
    /// <param name="consultations">The agenda's recorded consultations, said in one line when there are any.</param>
    public static AdaptiveCard Render(string agendaTitle, IReadOnlyList<Measure> measures, WeeklyStatus status, Texts texts, string? agendaId = null,
        ConsultationCount? consultations = null, AgendaEvaluation? evaluation = null, IReadOnlyList<PlannedWorkshop>? upcoming = null)
    {
        var title = texts.Format(TextKey.WeeklyTitle, agendaTitle);
        var counts = string.Join(" · ", status.CountByStatus.Where(c => c.Value > 0).Select(c => $"{c.Value} {StatusName(texts, c.Key)}"));
        var done = measures.Where(m => m.Status == MeasureStatus.Done).ToList();
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(texts.Format(TextKey.WeeklyCounts, counts.Length == 0 ? texts[TextKey.WeeklyNothing] : counts)),
            new TextBlock(evaluation is null
                ? texts.Format(TextKey.WeeklyEvaluation, done.Count, measures.Count,
                    done.Count(m => m.End is null || DateOnly.FromDateTime(m.UpdatedAt.UtcDateTime) <= m.End))
                : texts.Format(TextKey.WeeklyStanding, evaluation.Count(PlanStanding.OnTime), evaluation.Count(PlanStanding.Late),
                    evaluation.Count(PlanStanding.Done), evaluation.Count(PlanStanding.Dropped))) { IsSubtle = true },
        };
        if (consultations is { Total: > 0 } consulted)
        {
            body.Add(new TextBlock(texts.Format(TextKey.WeeklyConsultations, consulted.Total, consulted.ThisWeek)) { IsSubtle = true, Spacing = ElementSpacing.None });
        }

        Section(body, texts[TextKey.WeeklyUpcomingWorkshops], (upcoming ?? []).Select(u =>
            texts.Format(TextKey.KickOffFieldDate, u.FieldOfAction, Date(u.Date, texts))), texts, null);
        Section(body, texts[TextKey.WeeklyOverdue], status.Overdue.Select(m =>
            texts.Format(TextKey.WeeklyMilestoneLine, m.Measure.Title, m.Milestone.Title, Date(m.Milestone.Due, texts))), texts, TextColor.Attention);
        Section(body, texts[TextKey.WeeklyLate], status.LateMeasures.Select(m =>
            texts.Format(TextKey.WeeklyOwnerLine, m.Title, m.Owner?.Name ?? "–")), texts, TextColor.Attention);
        Section(body, texts[TextKey.WeeklyDueSoon], status.DueSoon.Select(m =>
            texts.Format(TextKey.WeeklyMilestoneLine, m.Measure.Title, m.Milestone.Title, Date(m.Milestone.Due, texts))), texts, null);
        Section(body, texts[TextKey.WeeklyOffTarget], status.OffTarget.Select(o =>
            texts.Format(TextKey.WeeklyIndicatorLine, o.Measure.Title, o.Indicator.Name, o.Indicator.Current, o.Indicator.Unit ?? string.Empty, o.Expected)), texts, TextColor.Warning);
        Section(body, texts[TextKey.WeeklyWithoutUpdate], status.WithoutUpdate.Select(m =>
            texts.Format(TextKey.WeeklyOwnerLine, m.Title, m.Owner?.Name ?? "–")), texts, TextColor.Warning);
        var people = measures.Select(m => m.Owner).OfType<TeamsUser>().Concat(status.ChangedSinceLastWeek.Select(c => c.ChangedBy)).ToList();
        Section(body, texts[TextKey.WeeklyChanged], status.ChangedSinceLastWeek.Select(c =>
            texts.Format(TextKey.WeeklyChangeLine, TitleOf(measures, c.MeasureId), MeasureChangeText.Describe(c, people, texts), MeasureChangeText.ChangedBy(c, texts))), texts, null);
        return new AdaptiveCard
        {
            Lang = texts.Culture.TwoLetterISOLanguageName,
            FallbackText = title,
            MsTeams = new(),
            Body = body,
            Actions = agendaId is null || status.WithoutUpdate.Count == 0
                ? null
                : [ExecuteAction.WithSubmitFallback(texts[TextKey.AskOwnersButton], CardVerbs.AskOwnersForUpdates,
                    CardPayload.Write(new AgendaRef(agendaId), MeasureCardJson.Default.AgendaRef))],
        };
    }

    public static string StatusName(Texts texts, MeasureStatus status) => texts[$"Status{status}"];

    private static void Section(List<CardElement> body, string heading, IEnumerable<string> lines, Texts texts, TextColor? color)
    {
        var items = lines.ToList();
        body.Add(new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = ElementSpacing.Medium, Color = items.Count > 0 ? color : null });
        if (items.Count == 0)
        {
            body.Add(new TextBlock(texts[TextKey.WeeklyNothing]) { IsSubtle = true, Spacing = ElementSpacing.None });
            return;
        }

        var budget = SectionBudgetBytes;
        var shown = 0;
        foreach (var line in items.Take(MaxLines).Select(l => Clip("• " + l)))
        {
            budget -= JsonEncodedText.Encode(line).EncodedUtf8Bytes.Length + LineOverheadBytes;
            if (budget < 0 && shown > 0)
            {
                break;
            }

            body.Add(new RichTextBlock([new TextRun(line)]) { Spacing = ElementSpacing.None });
            shown++;
        }

        if (shown < items.Count)
        {
            body.Add(new TextBlock(texts.Format(TextKey.WeeklyMore, items.Count - shown)) { IsSubtle = true, Spacing = ElementSpacing.None });
        }
    }

    private static string Clip(string line)
    {
        if (line.Length <= MaxLineChars)
        {
            return line;
        }

        // Never split a surrogate pair: half an emoji is not valid text.
        var cut = char.IsHighSurrogate(line[MaxLineChars - 2]) ? MaxLineChars - 2 : MaxLineChars - 1;
        return line[..cut] + "…";
    }

    private static string TitleOf(IReadOnlyList<Measure> measures, string id) => measures.FirstOrDefault(m => m.Id == id)?.Title ?? id;

    private static string Date(DateOnly date, Texts texts) => date.ToString("d", texts.Culture);
}

/// <summary>How many consultations the agenda has recorded, and how many of them in the past week.</summary>
public sealed record ConsultationCount(int Total, int ThisWeek);
