using AgendaBot.Domain.Measures;

namespace AgendaBot.Domain.Agendas;

/// <summary>
/// A version of the agenda as the town publishes it on the web: its title, fields of action and the plan, at the
/// moment the project lead published it. It names nobody: who is responsible for a measure stays inside Teams.
/// </summary>
public sealed record PublishedAgenda(string Title, IReadOnlyList<string> FieldsOfAction, DateTimeOffset PublishedAt, IReadOnlyList<PublishedMeasure> Measures)
{
    /// <summary>The plan in the order the agenda gives it: by priority (unranked last), then by start, then by title.</summary>
    public static PublishedAgenda Of(Agenda agenda, IEnumerable<Measure> measures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var ordered = measures
            .OrderBy(m => m.Priority ?? int.MaxValue)
            .ThenBy(m => m.Start ?? DateOnly.MaxValue)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .Select((m, i) => new PublishedMeasure(i + 1, m.Title, m.Description, m.Start, m.End, m.Status, m.Progress, m.Milestones, m.Indicators,
                m.NextBudgetYear, m.UpdatedAt))
            .ToList();
        return new PublishedAgenda(agenda.Title, agenda.FieldsOfAction, now, ordered);
    }

    /// <summary>
    /// Names the content of this version (not when it was made): the preview carries it, so that publishing publishes
    /// exactly what the lead saw, and a click Teams delivers twice finds it published already.
    /// </summary>
    public string Fingerprint()
    {
        var text = new System.Text.StringBuilder().Append(Title).Append('\n').AppendJoin('\u001f', FieldsOfAction).Append('\n');
        foreach (var m in Measures)
        {
            text.Append(System.FormattableString.Invariant($"{m.Number}\u001f{m.Title}\u001f{m.Description}\u001f{m.Start}\u001f{m.End}\u001f{m.Status}\u001f{m.Progress}\u001f{m.NextBudgetYear}"));
            foreach (var milestone in m.Milestones)
            {
                text.Append(System.FormattableString.Invariant($"\u001e{milestone.Title}\u001f{milestone.Due}\u001f{milestone.Done}"));
            }

            foreach (var i in m.Indicators)
            {
                text.Append(System.FormattableString.Invariant($"\u001e{i.Name}\u001f{i.Unit}\u001f{i.Baseline}\u001f{i.Target}\u001f{i.Current}"));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

/// <summary>One measure of a published version, numbered in the plan's order (its address on the web).</summary>
public sealed record PublishedMeasure(int Number, string Title, string? Description, DateOnly? Start, DateOnly? End, MeasureStatus Status, int Progress,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<Indicator> Indicators, bool NextBudgetYear, DateTimeOffset UpdatedAt);

/// <summary>What the public can follow: a new version, or a measure whose status or progress changed in it.</summary>
public sealed record PublicationNews(DateTimeOffset At, int? MeasureNumber, string? MeasureTitle, MeasureStatus? Status, int? Progress)
{
    /// <summary>Kept per agenda; a feed reader that has not looked for this long starts afresh.</summary>
    public const int Kept = 50;

    public bool IsNewVersion => MeasureNumber is null;

    /// <summary>
    /// The news a version brings, newest first: the version itself, and each measure whose status or progress differs
    /// from the version before (a measure is the same measure when its title is; a new one counts as changed).
    /// </summary>
    public static IReadOnlyList<PublicationNews> Of(PublishedAgenda version, PublishedAgenda? before)
    {
        ArgumentNullException.ThrowIfNull(version);
        var earlier = before?.Measures.GroupBy(m => m.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
            ?? new Dictionary<string, PublishedMeasure>(StringComparer.Ordinal);
        var changed = version.Measures
            .Where(m => before is not null && (!earlier.TryGetValue(m.Title, out var was) || was.Status != m.Status || was.Progress != m.Progress))
            .Select(m => new PublicationNews(version.PublishedAt, m.Number, m.Title, m.Status, m.Progress));
        return [new PublicationNews(version.PublishedAt, null, null, null, null), .. changed];
    }
}
