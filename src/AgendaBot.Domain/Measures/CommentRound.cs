using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Measures;

/// <summary>
/// The draft action concept sent out for comment: which measures, to whom, until when. Comments are taken until the
/// deadline and not after; the project lead gets them per measure once the deadline has passed.
/// </summary>
public sealed record CommentRound
{
    /// <summary>More people than any agenda's workshops hold; keeps the row far below the entity size limit.</summary>
    public const int MaxRecipients = 500;

    public required string Id { get; init; }
    public required string AgendaId { get; init; }
    public required TeamsUser StartedBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset Deadline { get; init; }
    public required IReadOnlyList<string> MeasureIds { get; init; }

    /// <summary>Everyone the draft was meant for; only they may comment.</summary>
    public required IReadOnlyList<TeamsUser> Recipients { get; init; }

    /// <summary>How many recipients had no personal chat with the bot, so the draft could not reach them.</summary>
    public int Unreachable { get; init; }

    /// <summary>When the comments were sent to the project lead after the deadline; null until then.</summary>
    public DateTimeOffset? ReportedAt { get; init; }

    public bool IsOpenAt(DateTimeOffset now) => now < Deadline;

    public bool IsRecipient(string userId) => Recipients.Any(r => r.Id == userId);

    /// <summary>Comment ids start with the round, so a measure's comments of this round are told from earlier rounds'.</summary>
    public string CommentId(string activityKey, int measureIndex) => $"{Id}-{activityKey}-{measureIndex}";

    public bool Owns(MeasureComment comment) => comment.Id.StartsWith(Id + "-", StringComparison.Ordinal);

    public static CommentRound Start(string id, string agendaId, TeamsUser lead, IReadOnlyList<string> measureIds,
        IReadOnlyList<TeamsUser> recipients, int unreachable, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (deadline <= now)
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "deadline");
        }

        if (measureIds.Count == 0)
        {
            throw new DomainException(DomainErrorCode.NotFound, "measures");
        }

        return new CommentRound
        {
            Id = id,
            AgendaId = agendaId,
            StartedBy = lead,
            StartedAt = now,
            Deadline = deadline,
            MeasureIds = TextLimits.Bounded(measureIds.ToList(), 100, "measures"),
            Recipients = TextLimits.Bounded(recipients.DistinctBy(r => r.Id).ToList(), MaxRecipients, "recipients"),
            Unreachable = unreachable,
        };
    }
}
