namespace AgendaBot.Domain.Voting;

/// <summary>Mean, count and spread of the votes one item got (on one criterion, or over all of them).</summary>
public sealed record ItemScore(int Item, string? Criterion, double Mean, int Count, double Spread, int Total);

/// <summary>One item's place in the ranking. Items with the same score share a rank and are flagged as tied.</summary>
public sealed record RankedItem(int Item, int Rank, double Score, bool Tied, int Voters, double Spread, IReadOnlyList<ItemScore> PerCriterion);

public sealed record RoundResults(IReadOnlyList<RankedItem> Ranking, int Ballots);

/// <summary>
/// The aggregation maths. Star ratings: per criterion the mean of the stars given, the number of ratings and the
/// (population) standard deviation; an item's score is the mean of its criterion means. Dot voting: an item's score is
/// the total of the points it got; count is how many people gave it points.
/// </summary>
public static class VoteTally
{
    private const double Epsilon = 1e-9;

    public static RoundResults Compute(VotingRound round, IReadOnlyList<Ballot> ballots) =>
        Rank(round.Items.Select(item => Score(round, item, ballots)).ToList(), ballots.Count);

    /// <summary>
    /// The same results from a secret round's sums: the means are the same divisions, so ranks and ties are the same;
    /// the spread comes from the sum of squares (equal up to rounding in the last digits).
    /// </summary>
    public static RoundResults Compute(VotingRound round, SecretTally tally)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(tally);
        return Rank(round.Items.Select(item => Score(round, tally.For(round, item))).ToList(), tally.Ballots);
    }

    private static RoundResults Rank(List<RankedItem> scored, int ballots)
    {
        var ordered = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Item).ToList();
        var ranking = new List<RankedItem>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            var rank = i > 0 && Math.Abs(ordered[i - 1].Score - current.Score) < Epsilon ? ranking[i - 1].Rank : i + 1;
            var tied = ordered.Count(o => Math.Abs(o.Score - current.Score) < Epsilon) > 1;
            ranking.Add(current with { Rank = rank, Tied = tied });
        }

        return new RoundResults(ranking, ballots);
    }

    private static RankedItem Score(VotingRound round, int item, IReadOnlyList<Ballot> ballots)
    {
        if (round.Method == VotingMethod.DotVoting)
        {
            var points = ballots.Select(b => b.Scores.Where(s => s.Item == item).Sum(s => s.Value)).ToList();
            var given = points.Where(p => p > 0).ToList();
            var stats = Stats(item, null, points);
            return new RankedItem(item, 0, points.Sum(), false, given.Count, stats.Spread, [stats with { Count = given.Count }]);
        }

        var perCriterion = round.Criteria
            .Select(criterion => Stats(item, criterion,
                ballots.SelectMany(b => b.Scores.Where(s => s.Item == item && s.Criterion == criterion).Select(s => s.Value)).ToList()))
            .ToList();
        var rated = perCriterion.Where(c => c.Count > 0).ToList();
        var score = rated.Count == 0 ? 0 : rated.Average(c => c.Mean);
        var voters = ballots.Count(b => b.Scores.Any(s => s.Item == item));
        var spread = rated.Count == 0 ? 0 : rated.Average(c => c.Spread);
        return new RankedItem(item, 0, score, false, voters, spread, perCriterion);
    }

    private static RankedItem Score(VotingRound round, SecretItem sums)
    {
        if (round.Method == VotingMethod.DotVoting)
        {
            var points = sums.Sums[0];
            var stats = Stats(sums.Item, null, points);
            return new RankedItem(sums.Item, 0, points.Sum, false, sums.Voters, stats.Spread, [stats with { Count = sums.Voters }]);
        }

        var perCriterion = sums.Sums.Select(s => Stats(sums.Item, s.Criterion, s)).ToList();
        var rated = perCriterion.Where(c => c.Count > 0).ToList();
        var score = rated.Count == 0 ? 0 : rated.Average(c => c.Mean);
        var spread = rated.Count == 0 ? 0 : rated.Average(c => c.Spread);
        return new RankedItem(sums.Item, 0, score, false, sums.Voters, spread, perCriterion);
    }

    private static ItemScore Stats(int item, string? criterion, SecretSum sums)
    {
        if (sums.Count == 0)
        {
            return new ItemScore(item, criterion, 0, 0, 0, 0);
        }

        // n·Σv² − (Σv)² is n² times the variance, exact in whole numbers.
        var spread = Math.Sqrt((double)((sums.Count * sums.Squares) - (sums.Sum * sums.Sum)) / ((double)sums.Count * sums.Count));
        return new ItemScore(item, criterion, (double)sums.Sum / sums.Count, sums.Count, spread, (int)sums.Sum);
    }

    private static ItemScore Stats(int item, string? criterion, List<int> values)
    {
        if (values.Count == 0)
        {
            return new ItemScore(item, criterion, 0, 0, 0, 0);
        }

        var mean = values.Average();
        var spread = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return new ItemScore(item, criterion, mean, values.Count, spread, values.Sum());
    }
}
