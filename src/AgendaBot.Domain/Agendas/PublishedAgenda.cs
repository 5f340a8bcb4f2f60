using AgendaBot.Domain.Measures;

namespace AgendaBot.Domain.Agendas;

/// <summary>
/// A version of the agenda as the town publishes it on the web: its title, fields of action and the plan, at the
/// moment the project lead published it. It names nobody: who is responsible for a measure stays inside Teams.
/// </summary>
public sealed record PublishedAgenda(string Title, IReadOnlyList<string> FieldsOfAction, DateTimeOffset PublishedAt, IReadOnlyList<PublishedMeasure> Measures)
{
    /// <summary>How the agenda stood against its plan when this version was published; null when it had no measures.</summary>
    public PublishedStanding? Standing { get; init; }

    /// <summary>The consultations with other towns and bodies, newest first, without who wrote them down.</summary>
    public IReadOnlyList<PublishedConsultation> Consultations { get; init; } = [];

    /// <summary>The plan in the order the agenda gives it: by priority (unranked last), then by start, then by title.</summary>
    public static PublishedAgenda Of(Agenda agenda, IEnumerable<Measure> measures, DateTimeOffset now, AgendaEvaluation? evaluation = null,
        IEnumerable<ConsultationEntry>? consultations = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var version = Plan(agenda, measures, now);
        var numbers = measures.Select(m => (m.Id, Number: version.Measures.FirstOrDefault(p => p.Title == m.Title)?.Number)).ToList();
        return version with
        {
            Standing = StandingOf(evaluation),
            Consultations = (consultations ?? []).OrderByDescending(c => c.Date).Select(c => new PublishedConsultation(c.Town, c.Date, c.Notes,
                c.MeasureIds.Select(id => numbers.FirstOrDefault(n => n.Id == id).Number).OfType<int>().Order().ToList(), c.MaterialShared)).ToList(),
        };
    }

    /// <summary>
    /// When the live-status switch is on: the time the measures' status was read, which the pages then show instead
    /// of the version's. Never stored with a version.
    /// </summary>
    public DateTimeOffset? LiveAt { get; init; }

    /// <summary>
    /// This version with each measure's status, progress, milestones, indicators and last update as they are now (the
    /// live-status switch). The plan stays as published — which measures, their titles, periods and order; a measure
    /// is the same when its title is, and one no longer in the agenda keeps what was published.
    /// </summary>
    public PublishedAgenda WithLiveStatus(IReadOnlyList<Measure> current, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        var byTitle = current.GroupBy(m => m.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var matched = Measures.Select(p => byTitle.GetValueOrDefault(p.Title)).OfType<Measure>().ToList();
        return this with
        {
            LiveAt = now,
            Measures = Measures.Select(p => byTitle.TryGetValue(p.Title, out var m)
                ? p with { Status = m.Status, Progress = m.Progress, Milestones = m.Milestones, Indicators = m.Indicators, UpdatedAt = m.UpdatedAt }
                : p).ToList(),
            Standing = matched.Count > 0 ? StandingOf(AgendaEvaluation.Evaluate(matched, [], Consultations.Count, today)) : Standing,
        };
    }

    /// <summary>
    /// Who is responsible for each measure as shown now: the owner's name when they agreed to be named publicly
    /// (<paramref name="named"/> holds their ids), otherwise the unit or role the measure gives now, otherwise what was
    /// published. Applied when a page is drawn, so that an agreement withdrawn or a person erased leaves the pages at once.
    /// </summary>
    public PublishedAgenda WithResponsible(IReadOnlyList<Measure> current, IReadOnlySet<string> named)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(named);
        var byTitle = current.GroupBy(m => m.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return this with
        {
            Measures = Measures.Select(p => byTitle.TryGetValue(p.Title, out var m)
                ? p with { Responsible = m.Owner is { IsAnonymous: false } owner && named.Contains(owner.Id) ? owner.Name : m.ResponsibleUnit }
                : p).ToList(),
        };
    }

    private static PublishedStanding? StandingOf(AgendaEvaluation? evaluation) =>
        evaluation is { Measures.Count: > 0 } e
            ? new PublishedStanding(e.Count(PlanStanding.OnTime), e.Count(PlanStanding.Late), e.Count(PlanStanding.Done), e.Count(PlanStanding.Dropped),
                e.Attainment is { } attainment ? Math.Round(attainment, 1) : null)
            : null;

    private static PublishedAgenda Plan(Agenda agenda, IEnumerable<Measure> measures, DateTimeOffset now)
    {
        var ordered = measures
            .OrderBy(m => m.Priority ?? int.MaxValue)
            .ThenBy(m => m.Start ?? DateOnly.MaxValue)
            .ThenBy(m => m.Title, StringComparer.Ordinal)
            .Select((m, i) => new PublishedMeasure(i + 1, m.Title, m.Description, m.Start, m.End, m.Status, m.Progress, m.Milestones, m.Indicators,
                m.NextBudgetYear, m.UpdatedAt) { Responsible = m.ResponsibleUnit })
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
            text.Append(System.FormattableString.Invariant($"{m.Number}\u001f{m.Title}\u001f{m.Description}\u001f{m.Start}\u001f{m.End}\u001f{m.Status}\u001f{m.Progress}\u001f{m.NextBudgetYear}\u001f{m.Responsible}"));
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

        text.Append(System.FormattableString.Invariant($"{Standing}\n"));
        foreach (var c in Consultations)
        {
            text.Append(System.FormattableString.Invariant($"{c.Partner}\u001f{c.Date}\u001f{c.Notes}\u001f{string.Join(',', c.MeasureNumbers)}\u001f{c.MaterialShared}\n"));
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

/// <summary>How many measures were on time, late, done and dropped, and the mean attainment of their indicators (%).</summary>
public sealed record PublishedStanding(int OnTime, int Late, int Done, int Dropped, double? Attainment);

/// <summary>A consultation as the public sees it: with whom, when, about which measures (by number), the note, material shared.</summary>
public sealed record PublishedConsultation(string Partner, DateOnly Date, string Notes, IReadOnlyList<int> MeasureNumbers, bool MaterialShared);

/// <summary>One measure of a published version, numbered in the plan's order (its address on the web).</summary>
public sealed record PublishedMeasure(int Number, string Title, string? Description, DateOnly? Start, DateOnly? End, MeasureStatus Status, int Progress,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<Indicator> Indicators, bool NextBudgetYear, DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// Who is responsible as the public sees it: the unit or role; in what is shown (never in what is stored) the
    /// owner's name instead when they agreed (<see cref="PublishedAgenda.WithResponsible"/>).
    /// </summary>
    public string? Responsible { get; init; }
}

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
    /// <summary>
    /// With the live-status switch on: each measure whose status or progress now differs from the published version,
    /// dated by its last update, newest first.
    /// </summary>
    public static IReadOnlyList<PublicationNews> Live(PublishedAgenda published, PublishedAgenda live)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(live);
        return live.Measures.Zip(published.Measures)
            .Where(pair => pair.First.Status != pair.Second.Status || pair.First.Progress != pair.Second.Progress)
            .Select(pair => new PublicationNews(pair.First.UpdatedAt, pair.First.Number, pair.First.Title, pair.First.Status, pair.First.Progress))
            .OrderByDescending(n => n.At)
            .ToList();
    }

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
