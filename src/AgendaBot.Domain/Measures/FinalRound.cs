using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;

namespace AgendaBot.Domain.Measures;

/// <summary>
/// The Schlussrunde: after the workshops, the steering group rates all measures of the agenda together, and the result
/// orders the whole plan. The measures are numbered 1…N in the order they were put to the vote, so the ballot, its
/// checks and the tally are those of a workshop round (<see cref="VotingRound"/>, <see cref="VoteTally"/>).
/// </summary>
public sealed record FinalRound
{
    public static readonly IReadOnlyList<string> DefaultCriteria = ["Wirkung", "Aufwand", "Dringlichkeit"];

    /// <summary>
    /// The most measures one round takes: a ballot with more inputs would pass Teams' message size (about 28 KB), so the
    /// more criteria, the fewer measures (FinalBallotSizeTests measures the largest). The lead narrows the plan first.
    /// </summary>
    // About 400 bytes a measure's heading and 380 a star rating take in the message as sent (long titles, escaped stars).
    public static int MaxMeasures(VotingMethod method, int criteria) =>
        method == VotingMethod.DotVoting ? 30 : Math.Min(30, 25_000 / (400 + (380 * Math.Max(1, criteria))));

    public required string Id { get; init; }
    public required string AgendaId { get; init; }

    /// <summary>The steering group's channel or group chat: only ballots from there count.</summary>
    public required string ConversationId { get; init; }

    public required VotingMethod Method { get; init; }
    public IReadOnlyList<string> Criteria { get; init; } = [];
    public int PointsPerPerson { get; init; }
    public int MaxPointsPerItem { get; init; }

    /// <summary>The measures voted on; measure <c>i</c> is item <c>i + 1</c> on the ballot.</summary>
    public required IReadOnlyList<string> MeasureIds { get; init; }

    public required string StartedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public RoundState State { get; init; } = RoundState.Open;
    public DateTimeOffset? ClosedAt { get; init; }
    public RoundResults? Results { get; init; }

    /// <summary>
    /// A round over the measures that are still part of the plan (dropped ones are not rated). Dot voting gives each
    /// person about a third of the measures as points, at most three on one.
    /// </summary>
    public static FinalRound Start(string id, string agendaId, string conversationId, VotingMethod method, IReadOnlyList<string>? criteria,
        IReadOnlyList<Measure> measures, string startedBy, DateTimeOffset now)
    {
        var rated = measures.Where(m => m.Status != MeasureStatus.Dropped).Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList();
        if (rated.Count < 2)
        {
            throw new DomainException(DomainErrorCode.TooManyItems, "measures to rank", 2);
        }

        var named = (criteria is { Count: > 0 } given ? given : DefaultCriteria)
            .Select(c => TextLimits.Required(c, TextLimits.ShortText, "criterion")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var most = MaxMeasures(method, method == VotingMethod.StarRating ? named.Count : 0);
        if (rated.Count > most)
        {
            throw new DomainException(DomainErrorCode.TooManyItems, "measures", most);
        }

        return new FinalRound
        {
            Id = id,
            AgendaId = agendaId,
            ConversationId = conversationId,
            Method = method,
            Criteria = method == VotingMethod.StarRating ? TextLimits.Bounded(named, 5, "criteria") : [],
            PointsPerPerson = method == VotingMethod.DotVoting ? Math.Max(3, (rated.Count + 2) / 3) : 0,
            MaxPointsPerItem = method == VotingMethod.DotVoting ? 3 : 0,
            MeasureIds = rated,
            StartedBy = startedBy,
            StartedAt = now,
        };
    }

    public bool IsOpen => State == RoundState.Open;

    /// <summary>The ballot number of a measure (1…N), or null when it is not part of the round.</summary>
    public int? ItemOf(string measureId)
    {
        var index = MeasureIds.ToList().IndexOf(measureId);
        return index < 0 ? null : index + 1;
    }

    public string MeasureOf(int item) => MeasureIds[item - 1];

    /// <summary>The round as the workshop rounds' rules see it: the same ballot checks and the same tally.</summary>
    public VotingRound AsVotingRound() => new()
    {
        Id = Id,
        WorkshopId = AgendaId,
        Method = Method,
        Items = Enumerable.Range(1, MeasureIds.Count).ToList(),
        Criteria = Criteria,
        PointsPerPerson = PointsPerPerson,
        MaxPointsPerItem = MaxPointsPerItem,
        State = State,
        StartedBy = StartedBy,
        StartedAt = StartedAt,
    };

    /// <summary>Checks a ballot against the round; a closed round takes none.</summary>
    public void Validate(Ballot ballot, DateTimeOffset now) => AsVotingRound().Validate(ballot, now);

    /// <summary>Ends the round with the tally of the ballots it got.</summary>
    public FinalRound Close(IReadOnlyList<Ballot> ballots, DateTimeOffset now) =>
        IsOpen
            ? this with { State = RoundState.Closed, ClosedAt = now, Results = VoteTally.Compute(AsVotingRound(), ballots) }
            : throw new DomainException(DomainErrorCode.RoundClosed);

    /// <summary>
    /// The plan order the result gives: each measure of the round its place (1…N, ties in the order they were put to
    /// the vote, as the ranking lists them). Measures added to the plan after the round start follow in their old order.
    /// </summary>
    public IReadOnlyDictionary<string, int> PlanOrder(IReadOnlyList<Measure> plan)
    {
        var ranking = Results ?? throw new DomainException(DomainErrorCode.WrongStep, "round still open");
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ranked in ranking.Ranking)
        {
            order[MeasureOf(ranked.Item)] = order.Count + 1;
        }

        foreach (var later in plan.Where(m => !order.ContainsKey(m.Id) && m.Status != MeasureStatus.Dropped)
                     .OrderBy(m => m.Priority ?? int.MaxValue).ThenBy(m => m.Title, StringComparer.Ordinal))
        {
            order[later.Id] = order.Count + 1;
        }

        return order;
    }
}

public enum PlanStage
{
    /// <summary>The plan the workshops made, open for comment and prioritisation.</summary>
    Draft,

    /// <summary>Decided with the town: changes from now on say why.</summary>
    Final,
}

/// <summary>Where the agenda's time-and-measures plan stands: draft or final, and for which budget year its priorities are.</summary>
public sealed record PlanState(PlanStage Stage, DateTimeOffset? FinalSince = null, int? BudgetYear = null)
{
    public static PlanState Draft { get; } = new(PlanStage.Draft);

    public bool IsFinal => Stage == PlanStage.Final;

    public PlanState WithBudgetYear(int year) =>
        year is < 2000 or > 2100 ? throw new DomainException(DomainErrorCode.InvalidValue, "budget year") : this with { BudgetYear = year };

    public PlanState Finalise(DateTimeOffset now) =>
        IsFinal ? this : this with { Stage = PlanStage.Final, FinalSince = now };
}
