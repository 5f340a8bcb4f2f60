namespace AgendaBot.Storage.PersonalData;

/// <summary>The headings of the "meine daten" card, in its order.</summary>
public enum PersonalDataGroup
{
    Registrations,
    Leadership,
    Contributions,
    Votes,
    Measures,
    Comments,
    Deliveries,
}

/// <summary>
/// What a stored row is for the person it is about, in the words of the "meine daten" card (each kind has a text in
/// the resources). Declared on each row kind (<see cref="StoredRow.ForPerson"/>), so a new kind of row cannot reach
/// the card as a table name.
/// </summary>
public enum PersonalDataKind
{
    Registration,
    LastWorkshop,
    ProjectLead,
    Contribution,
    PlanLineNamingYou,
    RoundStarted,
    Ballot,
    SecretVote,
    MeasureOwned,
    MeasureChange,
    OwnerChange,
    Consultation,
    Comment,
    CommentRoundStarted,
    DraftSentToYou,
    PersonalChat,
    MessageSent,
    MessageWaiting,
    ChatBlocked,
    MessageUndelivered,
    PublicName,
    KickOffRegistration,
    KickOffIdea,
    FinalRoundStarted,
    FinalBallot,
}

public static class PersonalDataKinds
{
    public static PersonalDataGroup GroupOf(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Registration or PersonalDataKind.LastWorkshop or PersonalDataKind.KickOffRegistration => PersonalDataGroup.Registrations,
        PersonalDataKind.ProjectLead => PersonalDataGroup.Leadership,
        PersonalDataKind.Contribution or PersonalDataKind.PlanLineNamingYou or PersonalDataKind.KickOffIdea => PersonalDataGroup.Contributions,
        PersonalDataKind.RoundStarted or PersonalDataKind.Ballot or PersonalDataKind.SecretVote or PersonalDataKind.FinalRoundStarted
            or PersonalDataKind.FinalBallot => PersonalDataGroup.Votes,
        PersonalDataKind.MeasureOwned or PersonalDataKind.MeasureChange or PersonalDataKind.OwnerChange or PersonalDataKind.Consultation
            or PersonalDataKind.PublicName => PersonalDataGroup.Measures,
        PersonalDataKind.Comment or PersonalDataKind.CommentRoundStarted or PersonalDataKind.DraftSentToYou => PersonalDataGroup.Comments,
        PersonalDataKind.PersonalChat or PersonalDataKind.MessageSent or PersonalDataKind.MessageWaiting or PersonalDataKind.ChatBlocked
            or PersonalDataKind.MessageUndelivered => PersonalDataGroup.Deliveries,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// How a row kind reads for a person: its <see cref="PersonalDataKind"/> and the columns the card takes its facts
/// from. The workshop (Workshops table), the measure (a <c>MeasureId</c> column) and the voting round are looked up.
/// </summary>
/// <param name="Kind">What the row is for the person.</param>
internal sealed record ForPerson(PersonalDataKind Kind)
{
    /// <summary>When it happened; without it, when the row was last written.</summary>
    public string? At { get; init; }

    /// <summary>What it says: the person's words, a measure's title, an agenda's title.</summary>
    public string? Text { get; init; }

    /// <summary>A further word: the stakeholder group, the measure's status, the field changed.</summary>
    public string? Detail { get; init; }

    /// <summary>The workshop step (1–6).</summary>
    public string? Step { get; init; }

    /// <summary>The voting round's id.</summary>
    public string? Round { get; init; }

    /// <summary>Where no column holds the round: the part of the row key that is its (escaped) id.</summary>
    public int? RoundInKey { get; init; }
}

/// <summary>One thing stored about a person, as the "meine daten" card and the erasure preview tell it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="At">When it happened, or null when nothing says.</param>
/// <param name="Erasure">What erasure does with it.</param>
public sealed record PersonalItem(PersonalDataKind Kind, DateTimeOffset? At, ItemErasure Erasure)
{
    public PersonalDataGroup Group => PersonalDataKinds.GroupOf(Kind);

    /// <summary>The workshop's field of action, or the agenda's title.</summary>
    public string? Where { get; init; }

    /// <summary>The measure it belongs to.</summary>
    public string? Measure { get; init; }

    /// <summary>What it says (the person's own words or a title).</summary>
    public string? Text { get; init; }

    /// <summary>A further stored word (a stakeholder group's or a status's code, a field's name).</summary>
    public string? Detail { get; init; }

    public int? Step { get; init; }

    /// <summary>For a vote: when its round was started, and whether it was secret.</summary>
    public DateTimeOffset? RoundStartedAt { get; init; }

    public bool Secret { get; init; }
}

/// <summary>What "daten löschen" does with an item.</summary>
public enum ItemErasure
{
    /// <summary>It goes.</summary>
    Deleted,

    /// <summary>It stays for the group, without the person's name or id.</summary>
    Anonymised,
}
