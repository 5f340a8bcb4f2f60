namespace AgendaBot.Domain.Common;

/// <summary>
/// What exactly is wrong with what a person entered, with the values they need to put it right: the host turns each
/// kind into its own sentence ("Das Ende (01.03.2027) liegt vor dem Beginn (15.04.2027)."), so a refusal names the
/// field and what is allowed. The values may be what the person typed: they stay out of the exception's message,
/// which is logged.
/// </summary>
public abstract record InputProblem
{
    private protected InputProblem()
    {
    }

    public virtual DomainErrorCode Code => DomainErrorCode.InvalidValue;

    // The time-and-measures plan.
    public sealed record EndBeforeStart(DateOnly Start, DateOnly End) : InputProblem;

    public sealed record StartNotADate(string Text) : InputProblem;

    public sealed record EndNotADate(string Text) : InputProblem;

    public sealed record MeasureWithoutTitle : InputProblem;

    public sealed record OwnerNotRegistered : InputProblem;

    public sealed record MilestoneWithoutDate(string Title) : InputProblem;

    public sealed record MilestoneDateNotADate(string Title, string Text) : InputProblem;

    public sealed record MilestoneWithoutTitle(DateOnly Due) : InputProblem;

    public sealed record IndicatorWithoutName : InputProblem;

    public sealed record IndicatorWithoutTarget(string Name) : InputProblem;

    public sealed record TargetNotANumber(string Name, string Text) : InputProblem;

    public sealed record BaselineNotANumber(string Name, string Text) : InputProblem;

    // A measure's status report.
    public sealed record UnknownStatus : InputProblem;

    public sealed record ProgressOutOfRange : InputProblem;

    public sealed record IndicatorValueNotANumber(string Name) : InputProblem;

    // Ballots. Items are the contributions' numbers, as the ballot card shows them ("#3").
    public abstract record BallotProblem : InputProblem
    {
        public override DomainErrorCode Code => DomainErrorCode.InvalidBallot;
    }

    public sealed record TooManyPoints(int Given, int Allowed) : BallotProblem;

    public sealed record TooManyPointsOnItem(int Item, int Given, int Allowed) : BallotProblem;

    public sealed record NegativePoints(int Item) : BallotProblem;

    public sealed record StarsOutOfRange(int Item, int Stars) : BallotProblem;

    public sealed record ItemNotInRound(int Item) : BallotProblem;

    public sealed record NotAWholeNumber(int Item) : BallotProblem;
}
