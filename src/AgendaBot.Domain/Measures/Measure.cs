using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Measures;

public enum MeasureStatus
{
    Planned,
    InProgress,
    Delayed,
    Done,
    Dropped,
}

/// <summary>The unit of the time-and-measures plan: who does what by when, and how success is measured.</summary>
public sealed record Measure
{
    public required string Id { get; init; }
    public required string AgendaId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>
    /// The unit or role responsible ("Bürgeramt", "IT-Koordination"), which the public pages name — a person's name
    /// appears there only if they agreed. Filled in by the owner or the project lead.
    /// </summary>
    public string? ResponsibleUnit { get; init; }
    public TeamsUser? Owner { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public IReadOnlyList<string> WorkPackages { get; init; } = [];
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public int? Priority { get; init; }
    public bool NextBudgetYear { get; init; }
    public MeasureStatus Status { get; init; } = MeasureStatus.Planned;
    public int Progress { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The workshop contribution this measure came from, if any.</summary>
    public string? SourceWorkshopId { get; init; }
    public int? SourceContribution { get; init; }

    public Measure Validated()
    {
        if (Start is { } start && End is { } end && end < start)
        {
            throw new DomainException(new InputProblem.EndBeforeStart(start, end));
        }

        return Progress is < 0 or > 100
            ? throw new DomainException(DomainErrorCode.InvalidValue, "progress")
            : this with
            {
                Title = TextLimits.Required(Title, TextLimits.Title, "title"),
                Description = TextLimits.Optional(Description, TextLimits.ContributionText, "description"),
                WorkPackages = TextLimits.Bounded(
                    WorkPackages.Select(w => TextLimits.Required(w, TextLimits.ShortText, "work package")).ToList(),
                    TextLimits.ListItems, "work packages"),
                Milestones = TextLimits.Bounded(Milestones.Select(m => m.Validated()).ToList(), TextLimits.ListItems, "milestones"),
                Indicators = TextLimits.Bounded(Indicators.Select(i => i.Validated()).ToList(), TextLimits.ListItems, "indicators"),
            };
    }
}

public sealed record Milestone(string Title, DateOnly Due, bool Done = false)
{
    public Milestone Validated() => this with { Title = TextLimits.Required(Title, TextLimits.ShortText, "milestone") };
}

/// <summary>A Kontrollindikator: a measured value with a baseline and a target.</summary>
public sealed record Indicator(string Name, string? Unit, double? Baseline, double Target, double? Current = null)
{
    public Indicator Validated() => this with
    {
        Name = TextLimits.Required(Name, TextLimits.ShortText, "indicator"),
        Unit = TextLimits.Optional(Unit, 40, "unit"),
    };
}

/// <summary>One change to a measure: who changed what, when. Kept forever for the evaluation.</summary>
public sealed record MeasureChange(string MeasureId, TeamsUser ChangedBy, DateTimeOffset At, string Field, string? Before, string? After)
{
    /// <summary>
    /// The display name, at the time of the change, of the person whose id <see cref="Before"/> holds (an owner change):
    /// a former owner is still known by name a week later. Null for other fields, for a person without a name, after
    /// their erasure, and for rows written before names were kept.
    /// </summary>
    public string? BeforeName { get; init; }

    /// <summary>The display name of the person whose id <see cref="After"/> holds, as <see cref="BeforeName"/>.</summary>
    public string? AfterName { get; init; }
}

/// <summary>A comment on a measure in the draft-for-comment round.</summary>
public sealed record MeasureComment(string MeasureId, string Id, TeamsUser Author, string Text, DateTimeOffset At)
{
    public static MeasureComment Create(string measureId, string id, TeamsUser author, string text, DateTimeOffset at) =>
        new(measureId, id, author, TextLimits.Required(text, TextLimits.Comment, "comment"), at);
}

/// <summary>
/// A consultation with another town or body (the multiplier effect): who (<see cref="Town"/>, the partner), when, which
/// of the agenda's measures it was about, a short note, and whether material was shared.
/// </summary>
public sealed record ConsultationEntry(string Id, string Town, DateOnly Date, string Notes, TeamsUser LoggedBy)
{
    /// <summary>Ids of the agenda's measures the consultation was about; may be none (the agenda as a whole).</summary>
    public IReadOnlyList<string> MeasureIds { get; init; } = [];

    /// <summary>Whether the town shared material (documents, templates) with the partner.</summary>
    public bool MaterialShared { get; init; }

    /// <summary>A consultation names at most this many measures; more is the agenda as a whole.</summary>
    public const int MaxMeasures = 50;

    public static ConsultationEntry Create(string id, string town, DateOnly date, string notes, TeamsUser loggedBy) =>
        new(id, TextLimits.Required(town, TextLimits.Title, "town"), date, TextLimits.Required(notes, TextLimits.Comment, "notes"), loggedBy);

    /// <summary>A consultation as recorded on the card: it must have happened already, and name each measure once.</summary>
    public static ConsultationEntry Record(string id, string partner, DateOnly date, string notes, IReadOnlyList<string> measureIds, bool materialShared,
        TeamsUser loggedBy, DateOnly today) =>
        date > today ? throw new DomainException(DomainErrorCode.InvalidValue, "consultation date in the future")
        : measureIds.Count > MaxMeasures ? throw new DomainException(DomainErrorCode.TooManyItems, "measures", MaxMeasures)
        : Create(id, partner, date, notes, loggedBy) with { MeasureIds = measureIds.Distinct(StringComparer.Ordinal).ToList(), MaterialShared = materialShared };
}
