using AgendaBot.Domain.Voting;

namespace AgendaBot.Domain.Tests;

/// <summary>A secret round keeps only sums; its results must be the ones its ballots would have given.</summary>
public sealed class SecretTallyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static readonly VotingRound Stars = new()
    {
        Id = "r", WorkshopId = "w", Method = VotingMethod.StarRating, Items = [1, 2, 3, 4, 5], Criteria = ["wünschenswert", "machbar"],
        StartedBy = "m", Anonymous = true,
    };

    private static readonly VotingRound Dots = Stars with { Method = VotingMethod.DotVoting, Criteria = [], PointsPerPerson = 5, MaxPointsPerItem = 3 };

    private static Ballot B(params (int Item, string? Criterion, int Value)[] scores) =>
        new("r", null, scores.Select(s => new Score(s.Item, s.Criterion, s.Value)).ToList(), Now);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(42)]
    public void Star_ratings_from_sums_equal_the_tally_of_the_ballots(int seed)
    {
        var random = new Random(seed);
        // Few values and few voters, so that ties and unrated items and criteria come up.
        var ballots = Enumerable.Range(0, random.Next(1, 12)).Select(_ => B(
            [.. from item in Stars.Items from criterion in Stars.Criteria where random.Next(3) > 0 select (item, (string?)criterion, random.Next(1, 6))])).ToList();

        AssertSame(VoteTally.Compute(Stars, ballots), VoteTally.Compute(Stars, SecretTally.Of(Stars, ballots)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(42)]
    public void Dot_voting_from_sums_equals_the_tally_of_the_ballots(int seed)
    {
        var random = new Random(seed);
        var ballots = Enumerable.Range(0, random.Next(1, 12)).Select(_ =>
        {
            var left = Dots.PointsPerPerson;
            var scores = new List<(int, string?, int)>();
            foreach (var item in Dots.Items.OrderBy(_ => random.Next()))
            {
                var points = random.Next(0, Math.Min(left, Dots.MaxPointsPerItem) + 1);
                left -= points;
                // Points on an item may come split over two scores; they count as the item's total.
                scores.AddRange(points > 1 && random.Next(2) == 0 ? [(item, null, 1), (item, null, points - 1)] : [(item, null, points)]);
            }

            return B([.. scores]);
        }).ToList();

        AssertSame(VoteTally.Compute(Dots, ballots), VoteTally.Compute(Dots, SecretTally.Of(Dots, ballots)));
    }

    [Fact]
    public void Ties_in_a_secret_round_share_a_rank_as_with_ballots()
    {
        var ballots = new List<Ballot>
        {
            B((1, "wünschenswert", 5), (1, "machbar", 3), (2, "wünschenswert", 4), (2, "machbar", 4)),
            B((1, "wünschenswert", 3), (1, "machbar", 5), (2, "wünschenswert", 4), (2, "machbar", 4), (3, "machbar", 2)),
        };

        var results = VoteTally.Compute(Stars, SecretTally.Of(Stars, ballots));

        Assert.Equal([(1, 1, true), (2, 1, true), (3, 3, false)], results.Ranking.Take(3).Select(r => (r.Item, r.Rank, r.Tied)));
        Assert.Equal(2, results.Ballots);
    }

    [Fact]
    public void No_ballots_give_an_empty_ranking_of_zeros()
    {
        var results = VoteTally.Compute(Stars, SecretTally.Empty);

        Assert.Equal(0, results.Ballots);
        Assert.All(results.Ranking, r => Assert.Equal((0.0, 0, 0.0), (r.Score, r.Voters, r.Spread)));
        AssertSame(VoteTally.Compute(Stars, []), results);
    }

    [Fact]
    public void The_sums_hold_counts_sums_and_squares_nothing_per_ballot()
    {
        var tally = SecretTally.Of(Dots, [B((1, null, 3), (2, null, 2)), B((1, null, 1))]);

        Assert.Equal(2, tally.Ballots);
        Assert.Equal(new SecretSum(null, 2, 4, 10), tally.For(Dots, 1).Sums.Single());
        Assert.Equal(new SecretSum(null, 2, 2, 4), tally.For(Dots, 2).Sums.Single());
        Assert.Equal((2, 1, 0), (tally.For(Dots, 1).Voters, tally.For(Dots, 2).Voters, tally.For(Dots, 3).Voters));
    }

    private static void AssertSame(RoundResults fromBallots, RoundResults fromSums)
    {
        Assert.Equal(fromBallots.Ballots, fromSums.Ballots);
        Assert.Equal(
            fromBallots.Ranking.Select(r => (r.Item, r.Rank, r.Score, r.Tied, r.Voters)),
            fromSums.Ranking.Select(r => (r.Item, r.Rank, r.Score, r.Tied, r.Voters)));
        foreach (var (expected, actual) in fromBallots.Ranking.Zip(fromSums.Ranking))
        {
            Assert.Equal(expected.Spread, actual.Spread, 9);
            Assert.Equal(
                expected.PerCriterion.Select(c => (c.Item, c.Criterion, c.Mean, c.Count, c.Total)),
                actual.PerCriterion.Select(c => (c.Item, c.Criterion, c.Mean, c.Count, c.Total)));
            Assert.All(expected.PerCriterion.Zip(actual.PerCriterion), pair => Assert.Equal(pair.First.Spread, pair.Second.Spread, 9));
        }
    }
}
