using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Workshops;

/// <summary>
/// One workshop for one field of action, bound to a Teams channel or group chat. Holds the step it is in and the
/// counters that must change atomically with what they count (participants, contribution numbers).
/// </summary>
public sealed record Workshop
{
    public const int DefaultCapacity = 15;

    public required string Id { get; init; }
    public required string AgendaId { get; init; }
    public required string FieldOfAction { get; init; }
    public required string ConversationId { get; init; }
    public required IReadOnlySet<string> ModeratorIds { get; init; }
    public int Capacity { get; init; } = DefaultCapacity;
    public WorkshopStep CurrentStep { get; init; } = WorkshopStep.StatusQuo;
    public StepState StepState { get; init; } = StepState.Collecting;

    /// <summary>True once step 6 was closed: the workshop's plan is complete.</summary>
    public bool Completed { get; init; }

    /// <summary>Registered people, moderators included, not counting the waiting list.</summary>
    public int ParticipantCount { get; init; }

    /// <summary>The number the next contribution gets; numbers are never reused, so the pinboard stays stable.</summary>
    public int NextContributionNumber { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the living pinboard was posted, and its message ids (one per page), so it can be updated in place.</summary>
    public Pinboard Pinboard { get; init; } = Pinboard.None;

    /// <summary>The language of what the bot posts for everyone (step cards, pinboard, reflections): the opener's.</summary>
    public string Language { get; init; } = "de";

    /// <summary>The registration card everyone sees, so that it can be drawn again without a person who was erased.</summary>
    public Voting.PostedCard? RegistrationCard { get; init; }

    /// <summary>The "workshop is open, Moderation: …" card, which names whoever opened the workshop.</summary>
    public Voting.PostedCard? OpenedCard { get; init; }

    /// <summary>Who opened the workshop and is named on <see cref="OpenedCard"/>; gone when they are erased.</summary>
    public string? OpenedBy { get; init; }

    /// <summary>The latest "akteure" cards posted in the workshop's conversations (names by group), at most <see cref="MaxStakeholderCards"/>.</summary>
    public IReadOnlyList<Voting.PostedCard> StakeholderCards { get; init; } = [];

    /// <summary>Older copies are forgotten, so that the header stays small: an erasure cannot reach them.</summary>
    public const int MaxStakeholderCards = 10;

    /// <summary>When a moderator ended the workshop: from then on it is a record, its pinboard readable, nothing changes.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The how-manyth workshop of its channel (0 for the first): a channel hosts the next once one has ended.</summary>
    public int Generation { get; init; }

    /// <summary>
    /// Kept on a channel's first workshop only: the workshop the channel hosts now, when that is a later one. The first
    /// workshop's id follows from the channel alone, so this is the one row a turn reads to find the current workshop.
    /// </summary>
    public string? LatestId { get; init; }

    /// <summary>How many workshops one channel can host one after another; ids of later ones are checked against it.</summary>
    public const int MaxPerConversation = 50;

    public bool IsEnded => EndedAt is not null;

    /// <summary>
    /// The people who moderate here and whose Teams id ("29:…") the bot has seen, by Entra object id: shared cards
    /// ask Teams to show them their own view with the moderation buttons (a card's refresh names people by Teams id).
    /// </summary>
    public IReadOnlyDictionary<string, string> ModerationViewers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Teams lets at most 60 people have their own view of a card.</summary>
    public const int MaxModerationViewers = 60;

    /// <summary>The Teams ids to name in a shared card's refresh, so that moderators see their buttons.</summary>
    public IReadOnlyList<string> ModerationViewerTeamsIds =>
        ModerationViewers.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value).Take(MaxModerationViewers).ToList();

    /// <summary>Remembers a moderator's (or the project lead's) Teams id; null when it is known already or the list is full.</summary>
    public Workshop? WithModerationViewer(string userId, string teamsId) =>
        ModerationViewers.TryGetValue(userId, out var known) && known == teamsId || ModerationViewers.Count >= MaxModerationViewers && !ModerationViewers.ContainsKey(userId)
            ? null
            : this with { ModerationViewers = new Dictionary<string, string>(ModerationViewers, StringComparer.Ordinal) { [userId] = teamsId } };

    public static Workshop Open(string id, string agendaId, string fieldOfAction, string conversationId,
        TeamsUser moderator, int? capacity, DateTimeOffset now) => new()
    {
        Id = id,
        AgendaId = agendaId,
        FieldOfAction = TextLimits.Required(fieldOfAction, TextLimits.Title, "field of action"),
        ConversationId = conversationId,
        ModeratorIds = new HashSet<string>(StringComparer.Ordinal) { moderator.Id },
        // Seats and turnout count the people registered, each once: a moderator counts when they register, like anyone.
        ParticipantCount = 0,
        Capacity = capacity is null ? DefaultCapacity : capacity is >= 2 and <= 200
            ? capacity.Value
            : throw new DomainException(DomainErrorCode.InvalidValue, "capacity"),
        CreatedAt = now,
    };

    public bool IsModerator(string userId) => ModeratorIds.Contains(userId);

    public bool IsFull => ParticipantCount >= Capacity;

    /// <summary>Contributions are accepted only for the current step while it is collecting.</summary>
    public void EnsureAccepts(WorkshopStep step)
    {
        EnsureRunning();
        if (Completed || step != CurrentStep)
        {
            throw new DomainException(DomainErrorCode.WrongStep, ((int)step).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (StepState != StepState.Collecting)
        {
            throw new DomainException(DomainErrorCode.StepClosed, ((int)step).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Ends the current step; its reflection follows. Only the step the workshop is in can be closed.</summary>
    public Workshop CloseStep(WorkshopStep expected)
    {
        EnsureCurrent(expected);
        return StepState == StepState.Closed
            ? throw new DomainException(DomainErrorCode.InvalidStepTransition, "already closed")
            : this with { StepState = StepState.Closed, Completed = CurrentStep == WorkshopStep.TimeAndMeasuresPlan };
    }

    /// <summary>Moves on to the next step; allowed once the current step is closed, never past step 6.</summary>
    public Workshop AdvanceFrom(WorkshopStep expected)
    {
        EnsureCurrent(expected);
        if (StepState != StepState.Closed)
        {
            throw new DomainException(DomainErrorCode.InvalidStepTransition, "close the step first");
        }

        return CurrentStep == WorkshopStep.TimeAndMeasuresPlan
            ? throw new DomainException(DomainErrorCode.InvalidStepTransition, "last step")
            : this with { CurrentStep = CurrentStep + 1, StepState = StepState.Collecting };
    }

    /// <summary>Opens the current step again, e.g. when the group closed it too early.</summary>
    public Workshop ReopenStep(WorkshopStep expected)
    {
        EnsureCurrent(expected);
        return StepState == StepState.Collecting
            ? throw new DomainException(DomainErrorCode.InvalidStepTransition, "already open")
            : this with { StepState = StepState.Collecting, Completed = false };
    }

    /// <summary>Refuses anything that would change an ended workshop; what it produced stays as it is.</summary>
    public void EnsureRunning()
    {
        if (IsEnded)
        {
            throw new DomainException(DomainErrorCode.WorkshopEnded, FieldOfAction);
        }
    }

    /// <summary>Ends the workshop for good; ending it again changes nothing.</summary>
    public Workshop End(DateTimeOffset now) => IsEnded ? this : this with { EndedAt = now };

    /// <summary>The next workshop of the same channel, opened once this one has ended.</summary>
    public int NextGeneration() =>
        !IsEnded ? throw new DomainException(DomainErrorCode.InvalidStepTransition, "workshop still running")
        : Generation + 1 < MaxPerConversation ? Generation + 1
        : throw new DomainException(DomainErrorCode.TooManyItems, "workshops in this conversation", MaxPerConversation);

    public Workshop WithModerator(string userId) =>
        this with { ModeratorIds = new HashSet<string>(ModeratorIds, StringComparer.Ordinal) { userId } };

    // A card names the step it was made for; if the workshop has moved on since, the click is stale.
    private void EnsureCurrent(WorkshopStep expected)
    {
        if (expected != CurrentStep)
        {
            throw new DomainException(DomainErrorCode.WrongStep, ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The messages that show a workshop's pinboard: one conversation, one message per page.</summary>
public sealed record Pinboard(string? ConversationId, IReadOnlyList<string> ActivityIds)
{
    public static Pinboard None { get; } = new(null, []);
}

/// <summary>
/// What each pinboard message showed when it was last sent, as a fingerprint of its card per activity id: a redraw
/// sends only the pages whose fingerprint changed.
/// </summary>
public sealed record PinboardFingerprints(IReadOnlyDictionary<string, string> ByActivityId)
{
    public static PinboardFingerprints None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));
}
