using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Measures;
using AgendaBot.Infrastructure.Charts;
using AgendaBot.Storage;

namespace AgendaBot.Features.Plan;

/// <summary>The plan's timeline (a Gantt-like chart), stored so that the summary card can show it.</summary>
public sealed class PlanPicture(ImageLinks links)
{
    /// <summary>Rows the chart draws at most; the card lists the rest in words.</summary>
    public const int MaxRows = TimelineChart.MaxRows;

    /// <param name="measures">In plan order.</param>
    /// <returns>The picture's URL (or data: URI), or null when it cannot be made — the summary then goes out without it.</returns>
    public async Task<string?> UrlForAsync(TenantScope tenant, IReadOnlyList<Measure> measures, DateTimeOffset now, Texts texts,
        CancellationToken cancellationToken)
    {
        var data = new TimelineChartData(
            texts[TextKey.PlanTimelineTitle],
            measures.Take(MaxRows).Select((m, i) => new TimelineRow($"{m.Priority ?? i + 1}. {m.Title}", m.Start, m.End, m.Status)
            {
                Milestones = m.Milestones.Select(ms => new TimelineMilestone(ms.Due, ms.Done)).ToList(),
            }).ToList(),
            DateOnly.FromDateTime(now.UtcDateTime))
        {
            TodayText = texts[TextKey.PlanTimelineToday],
            NoDataText = texts[TextKey.PlanTimelineNoDates],
            StatusNames = Enum.GetValues<MeasureStatus>().ToDictionary(s => s, s => MeasureTexts.Status(s, texts)),
            Culture = texts.Culture,
        };
        return await links.TryStoreAndLinkAsync(tenant, TimelineChart.Render(data), cancellationToken);
    }
}
