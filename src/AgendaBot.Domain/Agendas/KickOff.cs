using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Agendas;

/// <summary>When the workshop of a field of action is planned, as agreed at the kick-off, and its Teams meeting once made.</summary>
public sealed record PlannedWorkshop(string FieldOfAction, DateOnly Date)
{
    public string? MeetingUrl { get; init; }
}

/// <summary>
/// The kick-off of an agenda: the framework — its goals, its fields of action and when their workshops are planned —
/// before the workshops begin. Who took part and the first ideas are kept beside it.
/// </summary>
public sealed record KickOff
{
    public required string AgendaId { get; init; }
    public required string Goals { get; init; }
    public IReadOnlyList<PlannedWorkshop> Dates { get; init; } = [];

    /// <summary>When the workshops begin on their day (German time); their Teams meetings last <see cref="WorkshopLength"/>.</summary>
    public TimeOnly StartsAt { get; init; } = DefaultStart;

    public DateTimeOffset OpenedAt { get; init; }

    public static readonly TimeOnly DefaultStart = new(9, 0);

    public static readonly TimeSpan WorkshopLength = TimeSpan.FromHours(3);

    /// <param name="dates">Planned dates per field of action; a field without a date is not planned yet.</param>
    public static KickOff Open(Agenda agenda, string goals, IReadOnlyDictionary<string, DateOnly> dates, DateTimeOffset now, TimeOnly? startsAt = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Keys.Any(f => !agenda.FieldsOfAction.Contains(f, StringComparer.Ordinal)))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "field of action");
        }

        return new KickOff
        {
            AgendaId = agenda.Id,
            Goals = TextLimits.Required(goals, TextLimits.ContributionText, "goals"),
            Dates = agenda.FieldsOfAction.Where(dates.ContainsKey).Select(f => new PlannedWorkshop(f, dates[f])).OrderBy(d => d.Date).ToList(),
            StartsAt = startsAt ?? DefaultStart,
            OpenedAt = now,
        };
    }

    /// <summary>The framework opened again: dates that stayed the same keep the meeting made for them.</summary>
    public KickOff KeepingMeetingsOf(KickOff? before) => before is null ? this : this with
    {
        Dates = Dates.Select(d => before.Dates.FirstOrDefault(b => b.FieldOfAction == d.FieldOfAction && b.Date == d.Date && before.StartsAt == StartsAt)
            is { MeetingUrl: { } url } ? d with { MeetingUrl = url } : d).ToList(),
    };

    public KickOff WithMeeting(string fieldOfAction, Uri joinUrl) => this with
    {
        Dates = Dates.Select(d => d.FieldOfAction == fieldOfAction ? d with { MeetingUrl = joinUrl.AbsoluteUri } : d).ToList(),
    };

    /// <summary>The workshops still ahead on <paramref name="today"/>, the next first: the weekly post lists them until they are past.</summary>
    public IReadOnlyList<PlannedWorkshop> Upcoming(DateOnly today) => Dates.Where(d => d.Date >= today).OrderBy(d => d.Date).ToList();
}

/// <summary>Someone who took part in the kick-off, with their stakeholder group (the same Akteursanalyse as the workshops').</summary>
public sealed record KickOffMember(TeamsUser Person, StakeholderGroup Group, DateTimeOffset At);

/// <summary>
/// A first idea from the kick-off. A moderator assigns it to a field of action; when that field's workshop opens, it
/// becomes a contribution of the workshop's first step, marked as from the kick-off.
/// </summary>
public sealed record KickOffIdea
{
    public required string Id { get; init; }
    public required TeamsUser Author { get; init; }
    public required string Text { get; init; }
    public string? FieldOfAction { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The workshop the idea went into, and its number there; null until then.</summary>
    public string? WorkshopId { get; init; }
    public int? Contribution { get; init; }

    public bool TakenIn => WorkshopId is not null;

    public static KickOffIdea Submit(string id, TeamsUser author, string text, string? fieldOfAction, Agenda agenda, DateTimeOffset now) => new()
    {
        Id = id,
        Author = author,
        Text = TextLimits.Required(text, TextLimits.ContributionText, "idea"),
        FieldOfAction = fieldOfAction is null ? null : Field(fieldOfAction, agenda),
        SubmittedAt = now,
    };

    /// <summary>A moderator's assignment; an idea already in a workshop stays where it is.</summary>
    public KickOffIdea AssignTo(string fieldOfAction, Agenda agenda) =>
        TakenIn ? throw new DomainException(DomainErrorCode.Conflict, "idea already in a workshop") : this with { FieldOfAction = Field(fieldOfAction, agenda) };

    public KickOffIdea TakenInto(string workshopId, int contribution) => this with { WorkshopId = workshopId, Contribution = contribution };

    private static string Field(string fieldOfAction, Agenda agenda) =>
        agenda.FieldsOfAction.FirstOrDefault(f => f == fieldOfAction) ?? throw new DomainException(DomainErrorCode.InvalidValue, "field of action");
}
