using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Measures;
using AgendaBot.Infrastructure.Charts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static AgendaBot.Features.Export.WordParts;

namespace AgendaBot.Features.Export;

/// <summary>
/// The Digitale Agenda as a Word document for publication: title, the goals of step 4 per field of action, the plan
/// as a table, the timeline picture and every measure in detail. In the language of <see cref="Texts"/>.
/// </summary>
// Seam: publishing puts the version on the web as this document too, without names.
[Seam]
public static class AgendaDocument
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // TimelineChart draws at most this many rows; a longer plan is still complete in the table.
    private const int TimelineRows = TimelineChart.MaxRows;

    public static byte[] Build(AgendaContent content, Texts texts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(texts);
        var measures = content.MeasuresInPlanOrder;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = content.Agenda.Title;
            document.PackageProperties.Language = texts.Culture.Name;
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(texts.Culture.Name);
            var body = new Body(
                Paragraph(content.Agenda.Title, "Title"),
                Paragraph(texts.Format(TextKey.ExportDocumentSubtitle, Date(today, texts)), "Subtitle"));
            Goals(body, content, texts);
            body.Append(Paragraph(texts[TextKey.ExportPlanHeading], "Heading1"));
            body.Append(Paragraph(MeasureTexts.Stage(content.Plan, texts)));
            if (measures.Count == 0)
            {
                body.Append(Paragraph(texts[TextKey.ExportNoMeasures]));
            }
            else
            {
                body.Append(Table(texts[TextKey.ExportPlanColumns].Split('|'), measures.Select((m, i) => PlanRow(m, i + 1, texts))));
                body.Append(Paragraph(texts[TextKey.ExportTimelineHeading], "Heading2"));
                body.Append(Picture(main, Timeline(measures, texts, today), texts[TextKey.ExportTimelineAlt], 1));
                if (measures.Count > TimelineRows)
                {
                    body.Append(Paragraph(texts.Format(TextKey.PlanTimelineFirst, TimelineRows, measures.Count)));
                }

                body.Append(Paragraph(texts[TextKey.ExportMeasuresHeading], "Heading1"));
                for (var i = 0; i < measures.Count; i++)
                {
                    Details(body, measures[i], i + 1, texts);
                }
            }

            Evaluation(body, main, content, texts, today);
            Consultations(body, content, texts);
            body.Append(A4());
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>The timeline picture of the plan, as the document shows it (PNG).</summary>
    public static byte[] Timeline(IReadOnlyList<Measure> measures, Texts texts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(texts);
        var rows = measures.Take(TimelineRows).Select(m => new TimelineRow(m.Title, m.Start, m.End, m.Status)
        {
            Milestones = m.Milestones.Select(s => new TimelineMilestone(s.Due, s.Done)).ToList(),
        }).ToList();
        return TimelineChart.Render(new TimelineChartData(texts[TextKey.ExportTimelineHeading], rows, today)
        {
            TodayText = texts[TextKey.ExportToday],
            NoDataText = texts[TextKey.ExportNoDates],
            StatusNames = Enum.GetValues<MeasureStatus>().ToDictionary(s => s, s => WeeklyStatusCard.StatusName(texts, s)),
            Culture = texts.Culture,
        });
    }

    private static void Goals(Body body, AgendaContent content, Texts texts)
    {
        body.Append(Paragraph(texts[TextKey.ExportGoalsHeading], "Heading1"));
        var any = false;
        foreach (var (field, goals) in content.GoalsByFieldOfAction)
        {
            any = true;
            body.Append(Paragraph(field, "Heading2"));
            foreach (var goal in goals)
            {
                body.Append(ListItem(goal.Text));
            }
        }

        if (!any)
        {
            body.Append(Paragraph(texts[TextKey.ExportNoGoals]));
        }
    }

    // How the agenda is doing against its plan, as the "auswertung" card says it.
    private static void Evaluation(Body body, MainDocumentPart main, AgendaContent content, Texts texts, DateOnly today)
    {
        if (content.Measures.Count == 0)
        {
            return;
        }

        var evaluation = AgendaEvaluation.Evaluate(content.Measures, content.StatusChanges, content.Consultations.Count, today);
        body.Append(Paragraph(texts[TextKey.ExportEvaluationHeading], "Heading1"));
        body.Append(Paragraph(EvaluationCard.Summary(evaluation, texts)));
        body.Append(Picture(main, EvaluationCard.Picture(evaluation, texts), EvaluationCard.Alt(evaluation, texts), 2));
        if (evaluation.Attainment is { } attainment)
        {
            body.Append(Paragraph(texts.Format(TextKey.EvaluationAttainment, Math.Round(attainment))));
        }

        body.Append(Table(texts[TextKey.ExportEvaluationColumns].Split('|'), evaluation.WorstFirst.Select(m => (IReadOnlyList<string>)
        [
            m.Measure.Title, EvaluationCard.Corridor(m, texts), string.Join("; ", m.Indicators.Select(i => EvaluationCard.Indicator(i, texts))),
        ])));
    }

    // The multiplier effect, as the town documents it: with whom, when, about what — not who in the town wrote it down.
    private static void Consultations(Body body, AgendaContent content, Texts texts)
    {
        if (content.Consultations.Count == 0)
        {
            return;
        }

        body.Append(Paragraph(texts[TextKey.ExportConsultationsHeading], "Heading1"));
        body.Append(Table(texts[TextKey.ExportConsultationsColumns].Split('|'), content.Consultations.Select(c => (IReadOnlyList<string>)
        [
            Date(c.Date, texts), c.Town, c.Notes,
            string.Join(", ", c.MeasureIds.Select(id => content.Measures.FirstOrDefault(m => m.Id == id)?.Title).OfType<string>()),
            texts[c.MaterialShared ? TextKey.ExportYes : TextKey.ExportNo],
        ])));
    }

    private static IReadOnlyList<string> PlanRow(Measure m, int number, Texts texts) =>
    [
        number.ToString(texts.Culture),
        m.Title,
        m.Owner?.Name ?? "–",
        Period(m, texts),
        WeeklyStatusCard.StatusName(texts, m.Status),
        m.Priority?.ToString(texts.Culture) ?? "–",
        m.NextBudgetYear ? texts[TextKey.ExportYes] : "–",
    ];

    private static void Details(Body body, Measure m, int number, Texts texts)
    {
        body.Append(Paragraph($"{number.ToString(texts.Culture)}. {m.Title}", "Heading2"));
        if (!string.IsNullOrWhiteSpace(m.Description))
        {
            body.Append(Paragraph(m.Description));
        }

        body.Append(Labelled(texts[TextKey.ExportOwner], m.Owner?.Name ?? "–"));
        body.Append(Labelled(texts[TextKey.ExportPeriod], Period(m, texts)));
        body.Append(Labelled(texts[TextKey.ExportStatus],
            $"{WeeklyStatusCard.StatusName(texts, m.Status)}, {m.Progress.ToString(texts.Culture)} %"));
        if (m.Priority is { } priority)
        {
            body.Append(Labelled(texts[TextKey.ExportPriority], priority.ToString(texts.Culture)));
        }

        if (m.NextBudgetYear)
        {
            body.Append(Paragraph(texts[TextKey.ExportBudget], bold: true));
        }

        List(body, texts[TextKey.ExportWorkPackages], m.WorkPackages);
        List(body, texts[TextKey.ExportMilestones], m.Milestones.OrderBy(s => s.Due).Select(s =>
            $"{Date(s.Due, texts)} {s.Title}{(s.Done ? " " + texts[TextKey.ExportMilestoneDone] : string.Empty)}"));
        List(body, texts[TextKey.ExportIndicators], m.Indicators.Select(i => texts.Format(TextKey.ExportIndicatorLine,
            i.Name, Value(i.Baseline, i.Unit, texts), Value(i.Target, i.Unit, texts), Value(i.Current, i.Unit, texts))));
    }

    private static void List(Body body, string heading, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        body.Append(Paragraph(heading + ":", bold: true));
        foreach (var line in lines)
        {
            body.Append(ListItem(line));
        }
    }

    private static string Period(Measure m, Texts texts) => (m.Start, m.End) switch
    {
        (null, null) => "–",
        var (start, end) => $"{(start is { } s ? Date(s, texts) : "…")} – {(end is { } e ? Date(e, texts) : "…")}",
    };

    private static string Value(double? value, string? unit, Texts texts) =>
        value is { } v ? $"{v.ToString("0.##", texts.Culture)}{(string.IsNullOrWhiteSpace(unit) ? string.Empty : " " + unit)}" : "–";

    private static string Date(DateOnly date, Texts texts) => date.ToString("d", texts.Culture);
}
