using AgendaBot.Domain.Common;

namespace AgendaBot.Domain.Voting;

public enum VotingMethod
{
    /// <summary>1–5 stars per item on each criterion.</summary>
    StarRating,

    /// <summary>Punkte kleben: N points per person, at most M on one item.</summary>
    DotVoting,
}

public enum RoundState
{
    Open,

    /// <summary>
    /// A moderator (or the deadline) ended the round and the tally is being taken. Ballots arriving now are not
    /// acknowledged as counted unless the tally saw them.
    /// </summary>
    Closing,

    Closed,
}

/// <summary>Where a round's ballot card was posted, so the turnout and the end can be shown on it later.</summary>
public sealed record PostedCard(string ServiceUrl, string ConversationId, string ActivityId);

/// <summary>A vote a moderator started on some contributions of a workshop.</summary>
public sealed record VotingRound
{
    public required string Id { get; init; }
    public required string WorkshopId { get; init; }
    public required VotingMethod Method { get; init; }
    public required IReadOnlyList<int> Items { get; init; }
    public IReadOnlyList<string> Criteria { get; init; } = [];
    public bool Anonymous { get; init; }
    public int PointsPerPerson { get; init; }
    public int MaxPointsPerItem { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public RoundState State { get; init; } = RoundState.Open;
    public required string StartedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The step whose contributions are voted on.</summary>
    public int Step { get; init; }

    public PostedCard? BallotCard { get; init; }

    /// <summary>The tally, once the round is closed.</summary>
    public RoundResults? Results { get; init; }

    /// <summary>Versions of the ballots the tally counted: lets a voter who clicked during the close learn the truth.</summary>
    public IReadOnlyList<string> CountedBallots { get; init; } = [];

    public bool IsOpenAt(DateTimeOffset now) => State == RoundState.Open && (Deadline is null || now < Deadline);

    /// <summary>First half of closing: no ballot is acknowledged after this.</summary>
    public VotingRound BeginClose(DateTimeOffset now) =>
        State == RoundState.Open ? this with { State = RoundState.Closing, ClosedAt = now } : throw new DomainException(DomainErrorCode.RoundClosed);

    /// <summary>Second half: the tally is stored with the versions of the ballots it counted.</summary>
    public VotingRound FinishClose(RoundResults results, IReadOnlyList<string> countedBallots) =>
        State == RoundState.Closing
            ? this with { State = RoundState.Closed, Results = results, CountedBallots = countedBallots }
            : throw new DomainException(DomainErrorCode.RoundClosed);

    /// <summary>Both halves at once, for a round without ballots to count or in tests of the domain.</summary>
    public VotingRound Close(DateTimeOffset now) =>
        State == RoundState.Closed ? throw new DomainException(DomainErrorCode.RoundClosed) : this with { State = RoundState.Closed, ClosedAt = now };

    /// <summary>Checks a ballot against the round's method; the card's claims are not trusted.</summary>
    public void Validate(Ballot ballot, DateTimeOffset now)
    {
        if (!IsOpenAt(now))
        {
            throw new DomainException(DomainErrorCode.RoundClosed);
        }

        if (ballot.Scores.FirstOrDefault(s => !Items.Contains(s.Item)) is { } stranger)
        {
            throw new DomainException(new InputProblem.ItemNotInRound(stranger.Item));
        }

        if (Method == VotingMethod.StarRating)
        {
            ValidateStars(ballot);
        }
        else
        {
            ValidatePoints(ballot);
        }
    }

    private void ValidateStars(Ballot ballot)
    {
        if (ballot.Scores.FirstOrDefault(s => s.Value is < 1 or > 5) is { } outOfRange)
        {
            throw new DomainException(new InputProblem.StarsOutOfRange(outOfRange.Item, outOfRange.Value));
        }

        // One rating per item and criterion: a repeated score would count twice. Only a forged card does either.
        if (ballot.Scores.Any(s => !Criteria.Contains(s.Criterion ?? string.Empty)) || ballot.Scores.CountBy(s => (s.Item, s.Criterion)).Any(c => c.Value > 1))
        {
            throw new DomainException(DomainErrorCode.InvalidBallot, "stars");
        }
    }

    private void ValidatePoints(Ballot ballot)
    {
        if (ballot.Scores.FirstOrDefault(s => s.Value < 0) is { } negative)
        {
            throw new DomainException(new InputProblem.NegativePoints(negative.Item));
        }

        var given = ballot.Scores.Sum(s => s.Value);
        if (given > PointsPerPerson)
        {
            throw new DomainException(new InputProblem.TooManyPoints(given, PointsPerPerson));
        }

        // The per-item limit holds for an item's total, however many scores it is split over.
        if (ballot.Scores.GroupBy(s => s.Item).FirstOrDefault(g => g.Sum(s => s.Value) > MaxPointsPerItem) is { } crowded)
        {
            throw new DomainException(new InputProblem.TooManyPointsOnItem(crowded.Key, crowded.Sum(s => s.Value), MaxPointsPerItem));
        }
    }
}

/// <summary>
/// One person's votes in a round. A secret round does not store it: only its sums (<see cref="SecretTally"/>) and a
/// marker (without choices) that the person voted. Ballots of secret rounds stored before that have a null <see cref="VoterId"/>.
/// </summary>
public sealed record Ballot(string RoundId, string? VoterId, IReadOnlyList<Score> Scores, DateTimeOffset CastAt);

/// <summary>A value for one item (on one criterion, for star ratings).</summary>
public sealed record Score(int Item, string? Criterion, int Value);
