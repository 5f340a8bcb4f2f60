using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Features.Export;

/// <summary>
/// The contributions and the ballots of an agenda as CSV tables for evaluation in a spreadsheet. One row per
/// contribution; one row per score (a ballot on three items is three rows), so the file can be pivoted directly.
/// </summary>
public static class ExportTables
{
    public static byte[] Contributions(AgendaContent content, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(texts);
        var zone = ZoneOf(content);
        var rows = content.Workshops.SelectMany(w =>
        {
            var groups = w.Participants.ToDictionary(p => p.User.Id, p => texts[$"Group{p.Group}"], StringComparer.Ordinal);
            return w.Contributions.Where(c => !c.Hidden).Select(c => (IReadOnlyList<string?>)
            [
                w.Workshop.FieldOfAction,
                StepName(c.Step, texts),
                Number(c.Number),
                c.Text,
                c.Author.IsAnonymous ? null : c.Author.Name,
                groups.GetValueOrDefault(c.Author.Id),
                Timestamp(c.CreatedAt, zone),
            ]);
        });
        return Csv.Write(texts[TextKey.ExportContributionColumns].Split('|'), rows);
    }

    public static byte[] Ballots(AgendaContent content, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(texts);
        var zone = ZoneOf(content);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var w in content.Workshops)
        {
            var names = w.Participants.ToDictionary(p => p.User.Id, p => p.User.Name, StringComparer.Ordinal);
            var items = w.Contributions.ToDictionary(c => c.Number);
            for (var index = 0; index < w.Rounds.Count; index++)
            {
                var (round, ballots) = w.Rounds[index];
                foreach (var ballot in ballots)
                {
                    // Secret rounds keep only sums, so only those from before list ballots here, without their voter.
                    var voter = ballot.VoterId is { } id ? names.GetValueOrDefault(id, id) : texts[TextKey.ExportAnonymousVoter];
                    rows.AddRange(ballot.Scores.OrderBy(s => s.Item).ThenBy(s => s.Criterion, StringComparer.Ordinal).Select(score => (IReadOnlyList<string?>)
                    [
                        w.Workshop.FieldOfAction,
                        Number(index + 1),
                        Steps.IsDefined(round.Step) ? StepName((WorkshopStep)round.Step, texts) : null,
                        Timestamp(round.StartedAt, zone),
                        voter,
                        Number(score.Item),
                        items.GetValueOrDefault(score.Item)?.Text,
                        score.Criterion,
                        Number(score.Value),
                    ]));
                }
            }
        }

        return Csv.Write(texts[TextKey.ExportBallotColumns].Split('|'), rows);
    }

    private static string StepName(WorkshopStep step, Texts texts) => $"{(int)step} {texts[$"Step{(int)step}Title"]}";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // ISO order, which Excel reads as a date in every locale, in the agenda's own time zone.
    private static string Timestamp(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo ZoneOf(AgendaContent content) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(content.Agenda.Schedule.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
