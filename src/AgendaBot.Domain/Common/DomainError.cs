namespace AgendaBot.Domain.Common;

/// <summary>
/// Why the domain refused something. The host turns each code into a sentence in the user's language,
/// so the codes (not messages) are the contract.
/// </summary>
public enum DomainErrorCode
{
    TextTooLong,
    TextMissing,
    TooManyItems,
    NotAllowed,
    StepClosed,
    WrongStep,
    InvalidStepTransition,
    WorkshopFull,
    AlreadyRegistered,
    NotRegistered,
    NotFound,
    Conflict,
    RoundClosed,
    InvalidBallot,
    InvalidValue,

    /// <summary>The workshop was ended by a moderator: it is a record now.</summary>
    WorkshopEnded,
}

/// <summary>A rule of the method was broken. Carries what the user needs to be told, nothing more.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorCode code, string? subject = null, int? limit = null)
        : base($"{code}{(subject is null ? string.Empty : $" ({subject})")}{(limit is null ? string.Empty : $" limit {limit}")}")
    {
        Code = code;
        Subject = subject;
        Limit = limit;
    }

    /// <summary>A refusal that says exactly what is wrong; only the problem's kind goes into the message.</summary>
    public DomainException(InputProblem problem)
        : this((problem ?? throw new ArgumentNullException(nameof(problem))).Code, problem.GetType().Name) => Problem = problem;

    public DomainException() : this(DomainErrorCode.InvalidValue) { }

    public DomainException(string message) : base(message) => Code = DomainErrorCode.InvalidValue;

    public DomainException(string message, Exception innerException) : base(message, innerException) =>
        Code = DomainErrorCode.InvalidValue;

    public DomainErrorCode Code { get; }

    /// <summary>Which field or item, e.g. "text" or a step number; never user-written text.</summary>
    public string? Subject { get; }

    public int? Limit { get; }

    /// <summary>The field and the values the person needs to correct their input, when the refusal knows them.</summary>
    public InputProblem? Problem { get; }
}
