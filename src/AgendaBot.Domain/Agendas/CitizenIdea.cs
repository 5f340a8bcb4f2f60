using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Agendas;

public enum CitizenIdeaState
{
    /// <summary>Waiting for a moderator; nothing of it is public.</summary>
    Pending,

    /// <summary>Taken into a workshop's pinboard; shown on the public page as "aufgenommen".</summary>
    Accepted,

    /// <summary>Declined with a reason; never public.</summary>
    Rejected,
}

/// <summary>What is wrong with a submitted idea, one entry per field, so the form can say it beside that field.</summary>
public enum CitizenIdeaProblem
{
    FieldMissing,
    TextMissing,
    TextTooLong,
    DistrictTooLong,
    ConsentMissing,
}

/// <summary>
/// An idea a citizen sent through the public idea window of a published agenda: no account, no name, no address —
/// the text, the field of action it is for and optionally the district. It stays with the moderators until one of
/// them takes it into a workshop or declines it; only an accepted idea is ever shown publicly.
/// </summary>
public sealed record CitizenIdea
{
    /// <summary>Short enough for a card and a pinboard line, long enough for an idea with its reason.</summary>
    public const int MaxText = 1000;

    public const int MaxDistrict = 80;

    public required string Id { get; init; }
    public required string FieldOfAction { get; init; }
    public required string Text { get; init; }
    public string? District { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public CitizenIdeaState State { get; init; } = CitizenIdeaState.Pending;
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Why a moderator declined it (their words, kept for the moderators; not public).</summary>
    public string? Reason { get; init; }

    /// <summary>Where it went when accepted: the workshop's title and step and its number on that pinboard.</summary>
    public string? WorkshopId { get; init; }
    public string? WorkshopTitle { get; init; }
    public WorkshopStep? Step { get; init; }
    public int? ContributionNumber { get; init; }

    /// <summary>Everything wrong with a submission at once, so the citizen fixes it in one go; empty when it can be taken.</summary>
    public static IReadOnlyList<CitizenIdeaProblem> Check(IReadOnlyList<string> fieldsOfAction, string? field, string? text, string? district, bool consent)
    {
        ArgumentNullException.ThrowIfNull(fieldsOfAction);
        var problems = new List<CitizenIdeaProblem>();
        if (string.IsNullOrWhiteSpace(field) || !fieldsOfAction.Contains(field.Trim(), StringComparer.Ordinal))
        {
            problems.Add(CitizenIdeaProblem.FieldMissing);
        }

        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problems.Add(CitizenIdeaProblem.TextMissing);
        }
        else if (trimmed.Length > MaxText)
        {
            problems.Add(CitizenIdeaProblem.TextTooLong);
        }

        if ((district?.Trim().Length ?? 0) > MaxDistrict)
        {
            problems.Add(CitizenIdeaProblem.DistrictTooLong);
        }

        if (!consent)
        {
            problems.Add(CitizenIdeaProblem.ConsentMissing);
        }

        return problems;
    }

    public static CitizenIdea Submit(string id, IReadOnlyList<string> fieldsOfAction, string? field, string? text, string? district, bool consent,
        DateTimeOffset now)
    {
        var problems = Check(fieldsOfAction, field, text, district, consent);
        return problems.Count > 0
            ? throw new DomainException(DomainErrorCode.InvalidValue, problems[0].ToString())
            : new CitizenIdea
            {
                Id = id,
                FieldOfAction = field!.Trim(),
                Text = text!.Trim(),
                District = string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
                SubmittedAt = now,
            };
    }

    /// <summary>Taken into a workshop step as contribution <paramref name="number"/>; a decided idea is not decided again.</summary>
    public CitizenIdea Accept(string workshopId, string workshopTitle, WorkshopStep step, int number, DateTimeOffset now) =>
        State == CitizenIdeaState.Pending
            ? this with
            {
                State = CitizenIdeaState.Accepted, DecidedAt = now, WorkshopId = workshopId, WorkshopTitle = workshopTitle, Step = step,
                ContributionNumber = number,
            }
            : throw new DomainException(DomainErrorCode.InvalidStepTransition, "idea decided");

    public CitizenIdea Reject(string? reason, DateTimeOffset now) =>
        State == CitizenIdeaState.Pending
            ? this with { State = CitizenIdeaState.Rejected, DecidedAt = now, Reason = TextLimits.Required(reason, TextLimits.ShortText, "reason") }
            : throw new DomainException(DomainErrorCode.InvalidStepTransition, "idea decided");
}
