using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;

namespace AgendaBot.Web.Pages;

/// <summary>
/// A published Digitale Agenda on the web: the start page (title, fields of action, the plan as a table a screen
/// reader reads row by row) and a page per measure (period, status, progress, milestones, indicators). What they show
/// is the version the project lead published, which names nobody.
/// </summary>
public static class AgendaPages
{
    public static string PathOf(string publicId) => $"/agenda/{publicId}";

    public static string PathOf(string publicId, int measure) => $"/agenda/{publicId}/massnahmen/{measure.ToString(CultureInfo.InvariantCulture)}";

    /// <param name="accepted">Citizens' ideas a moderator took into a workshop, newest first; no other idea is ever shown.</param>
    /// <param name="ideaWindow">Whether the page invites ideas (the idea window is open).</param>
    /// <param name="today">Marked on the timeline; without it the timeline has no line for today.</param>
    public static string Start(string publicId, PublishedAgenda agenda, bool english, PublicPagesOptions site, IReadOnlyList<CitizenIdea>? accepted = null,
        bool ideaWindow = false, DateOnly? today = null)
    {
        var texts = TextsFor(english);
        var html = new HtmlPage(texts, agenda.Title, WithLanguage(PathOf(publicId), !english), site.OperatorName,
            feed: WithLanguage($"{PathOf(publicId)}/feed.atom", english));
        html.Paragraph(texts.Format(TextKey.PagesAgendaVersion, Date(agenda.PublishedAt, texts)));
        if (agenda.LiveAt is not null)
        {
            html.Paragraph(texts.Format(TextKey.PagesLiveStatus, Date(agenda.Measures.Select(m => m.UpdatedAt).Append(agenda.PublishedAt).Max(), texts)));
        }

        html.Heading(texts[TextKey.PagesAgendaFields]);
        html.List(agenda.FieldsOfAction);
        html.Heading(texts[TextKey.PagesAgendaPlan]);
        if (agenda.Measures.Count == 0)
        {
            html.Paragraph(texts[TextKey.PagesNoMeasures]);
        }
        else
        {
            html.Table(texts.Format(TextKey.PagesAgendaPlanCaption, agenda.Measures.Count),
                [texts[TextKey.PagesColumnNumber], texts[TextKey.PagesColumnMeasure], texts[TextKey.PagesColumnPeriod], texts[TextKey.PagesColumnStatus],
                    texts[TextKey.PagesColumnProgress]],
                agenda.Measures.Select(m => (IReadOnlyList<(string, string?)>)
                [
                    (m.Number.ToString(texts.Culture), null),
                    (m.Title, WithLanguage(PathOf(publicId, m.Number), english)),
                    (Period(m, texts), null),
                    (Status(m.Status, texts), null),
                    (texts.Format(TextKey.PagesProgress, m.Progress), null),
                ]));
        }

        if (PlanTimeline.Render(agenda, today ?? DateOnly.MinValue, texts) is { } timeline)
        {
            html.Heading(texts[TextKey.PagesTimelineHeading]);
            html.Trusted(timeline);
        }

        if (agenda.Standing is { } standing)
        {
            html.Heading(texts[TextKey.PagesStandingHeading]);
            html.Paragraph(texts.Format(TextKey.PagesStanding, standing.OnTime, standing.Late, standing.Done, standing.Dropped));
            if (standing.Attainment is { } attainment)
            {
                html.Paragraph(texts.Format(TextKey.PagesAttainment, attainment.ToString("0.#", texts.Culture)));
            }
        }

        if (agenda.Consultations.Count > 0)
        {
            html.Heading(texts[TextKey.PagesConsultationsHeading]);
            html.List(agenda.Consultations.Select(c =>
            {
                var details = new List<string>();
                if (c.MeasureNumbers.Count > 0)
                {
                    details.Add(texts.Format(TextKey.PagesConsultationMeasures, string.Join(", ", c.MeasureNumbers)));
                }

                if (c.MaterialShared)
                {
                    details.Add(texts[TextKey.PagesConsultationMaterial]);
                }

                var line = texts.Format(TextKey.PagesConsultation, c.Date.ToString("d", texts.Culture), c.Partner, c.Notes);
                return details.Count == 0 ? line : $"{line} ({string.Join("; ", details)})";
            }));
        }

        if (ideaWindow || accepted is { Count: > 0 })
        {
            html.Heading(texts[TextKey.PagesIdeasHeading]);
            if (ideaWindow)
            {
                html.Paragraph(texts[TextKey.PagesIdeasInvite]);
                html.Links([(texts[TextKey.PagesIdeasLink], WithLanguage(IdeaWindowPages.PathOf(publicId), english))]);
            }

            if (accepted is { Count: > 0 })
            {
                html.List(accepted.Select(i => texts.Format(TextKey.PagesIdeaAccepted, i.Text, i.FieldOfAction, Date(i.DecidedAt ?? i.SubmittedAt, texts),
                    i.WorkshopTitle ?? string.Empty)));
            }
        }

        html.Heading(texts[TextKey.PagesOpenData]);
        html.Links([(texts[TextKey.PagesDocx], WithLanguage($"{PathOf(publicId)}/digitale-agenda.docx", english)),
            (texts[TextKey.PagesCsv], $"{PathOf(publicId)}/plan.csv"), (texts[TextKey.PagesJson], $"{PathOf(publicId)}/plan.json"),
            (texts[TextKey.PagesFeed], WithLanguage($"{PathOf(publicId)}/feed.atom", english))]);
        LegalFooter(html, texts, english);
        return html.ToString();
    }

    public static string Measure(string publicId, PublishedAgenda agenda, PublishedMeasure m, bool english, PublicPagesOptions site)
    {
        var texts = TextsFor(english);
        var html = new HtmlPage(texts, m.Title, WithLanguage(PathOf(publicId, m.Number), !english), site.OperatorName);
        html.Links([(texts.Format(TextKey.PagesBackToAgenda, agenda.Title), WithLanguage(PathOf(publicId), english))]);
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            html.Paragraph(m.Description);
        }

        var facts = new List<(string, string)>
        {
            (texts[TextKey.PagesColumnPeriod], Period(m, texts)),
            (texts[TextKey.PagesColumnStatus], Status(m.Status, texts)),
            (texts[TextKey.PagesColumnProgress], texts.Format(TextKey.PagesProgress, m.Progress)),
        };
        if (m.Responsible is { } responsible)
        {
            facts.Add((texts[TextKey.PagesResponsible], responsible));
        }

        if (m.NextBudgetYear)
        {
            facts.Add((texts[TextKey.PagesBudget], texts[TextKey.PagesYes]));
        }

        facts.Add((texts[TextKey.PagesUpdated], Date(m.UpdatedAt, texts)));
        html.Definitions(facts);
        if (m.Milestones.Count > 0)
        {
            html.Heading(texts[TextKey.PagesMilestones]);
            html.List(m.Milestones.OrderBy(s => s.Due).Select(s =>
                texts.Format(s.Done ? TextKey.PagesMilestoneDone : TextKey.PagesMilestone, s.Due.ToString("d", texts.Culture), s.Title)));
        }

        if (m.Indicators.Count > 0)
        {
            html.Heading(texts[TextKey.PagesIndicators]);
            html.Table(texts[TextKey.PagesIndicatorsCaption],
                [texts[TextKey.PagesColumnIndicator], texts[TextKey.PagesColumnBaseline], texts[TextKey.PagesColumnCurrent], texts[TextKey.PagesColumnTarget]],
                m.Indicators.Select(i => (IReadOnlyList<(string, string?)>)
                [
                    (i.Name, null), (Value(i.Baseline, i.Unit, texts), null), (Value(i.Current, i.Unit, texts), null), (Value(i.Target, i.Unit, texts), null),
                ]));
        }

        html.Paragraph(texts.Format(TextKey.PagesAgendaVersion, Date(agenda.PublishedAt, texts)));
        LegalFooter(html, texts, english);
        return html.ToString();
    }

    /// <summary>A page that says why there is nothing: never published (404) or withdrawn (410).</summary>
    public static string Nothing(bool gone, bool english, PublicPagesOptions site)
    {
        var texts = TextsFor(english);
        var html = new HtmlPage(texts, texts[gone ? TextKey.PagesGoneTitle : TextKey.PagesNotFoundTitle], english ? "?" : "?lang=en", site.OperatorName);
        html.Paragraph(texts[gone ? TextKey.PagesGone : TextKey.PagesNotFound]);
        LegalFooter(html, texts, english);
        return html.ToString();
    }

    internal static void LegalFooter(HtmlPage html, Texts texts, bool english) =>
        html.Footer(Enum.GetValues<LegalPage>().Select(p => (LegalPages.LinkTitle(p, texts), LegalPages.PathOf(p, english))));

    internal static Texts TextsFor(bool english) => new(CultureInfo.GetCultureInfo(english ? "en" : "de"));

    internal static string WithLanguage(string path, bool english) => english ? path + "?lang=en" : path;

    internal static string Date(DateTimeOffset at, Texts texts) =>
        TimeZoneInfo.ConvertTime(at, Berlin).ToString("d", texts.Culture);

    private static string Period(PublishedMeasure m, Texts texts) =>
        texts.Format(TextKey.PagesPeriod, m.Start?.ToString("d", texts.Culture) ?? "–", m.End?.ToString("d", texts.Culture) ?? "–");

    private static string Status(MeasureStatus status, Texts texts) => texts[$"Status{status}"];

    private static string Value(double? value, string? unit, Texts texts) =>
        value is { } v ? $"{v.ToString("0.##", texts.Culture)} {unit}".TrimEnd() : "–";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
