using AgendaBot.Domain.Voting;

namespace AgendaBot.Domain.Tests;

public sealed class VoteTallyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static VotingRound Stars(params string[] criteria) => new()
    {
        Id = "r", WorkshopId = "w", Method = VotingMethod.StarRating, Items = [1, 2, 3], Criteria = criteria, StartedBy = "m",
    };

    private static Ballot B(params (int Item, string? Criterion, int Value)[] scores) =>
        new("r", null, scores.Select(s => new Score(s.Item, s.Criterion, s.Value)).ToList(), Now);

    [Fact]
    public void Star_ratings_give_mean_count_and_spread_per_item()
    {
        var results = VoteTally.Compute(Stars("Bewertung"), [B((1, "Bewertung", 5), (2, "Bewertung", 2)), B((1, "Bewertung", 3))]);

        var first = results.Ranking[0];
        Assert.Equal(1, first.Item);
        Assert.Equal(4.0, first.Score, 6);
        Assert.Equal(2, first.Voters);
        Assert.Equal(1.0, first.Spread, 6);
        Assert.Equal(2, results.Ballots);
    }

    [Fact]
    public void With_several_criteria_an_items_score_is_the_mean_of_its_criterion_means()
    {
        var results = VoteTally.Compute(Stars("wünschenswert", "machbar"),
            [B((1, "wünschenswert", 5), (1, "machbar", 1)), B((1, "wünschenswert", 5), (1, "machbar", 3))]);

        var item = results.Ranking.Single(r => r.Item == 1);
        Assert.Equal(3.5, item.Score, 6);
        Assert.Equal(5.0, item.PerCriterion.Single(c => c.Criterion == "wünschenswert").Mean, 6);
        Assert.Equal(2.0, item.PerCriterion.Single(c => c.Criterion == "machbar").Mean, 6);
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_are_flagged_as_tied()
    {
        var results = VoteTally.Compute(Stars("Bewertung"), [B((1, "Bewertung", 4), (2, "Bewertung", 4), (3, "Bewertung", 2))]);

        Assert.Equal([1, 1, 3], results.Ranking.Select(r => r.Rank));
        Assert.True(results.Ranking[0].Tied);
        Assert.True(results.Ranking[1].Tied);
        Assert.False(results.Ranking[2].Tied);
    }

    [Fact]
    public void Dot_voting_ranks_by_total_points_and_counts_the_people_who_gave_points()
    {
        var round = Stars() with { Method = VotingMethod.DotVoting, PointsPerPerson = 5, MaxPointsPerItem = 3 };

        var results = VoteTally.Compute(round, [B((2, null, 3), (1, null, 2)), B((2, null, 1)), B((3, null, 3))]);

        Assert.Equal([2, 3, 1], results.Ranking.Select(r => r.Item));
        Assert.Equal(4, results.Ranking[0].Score);
        Assert.Equal(2, results.Ranking[0].Voters);
        Assert.True(results.Ranking[1].Tied == false && results.Ranking[1].Score == 3);
    }

    [Fact]
    public void Items_nobody_rated_come_last_with_no_votes()
    {
        var results = VoteTally.Compute(Stars("Bewertung"), [B((1, "Bewertung", 1))]);

        Assert.Equal(0, results.Ranking.Single(r => r.Item == 3).Voters);
        Assert.Equal(1, results.Ranking[0].Item);
    }

    [Fact]
    public void No_ballots_give_an_empty_tally_with_every_item_tied()
    {
        var results = VoteTally.Compute(Stars("Bewertung"), []);

        Assert.Equal(0, results.Ballots);
        Assert.All(results.Ranking, r => Assert.Equal(1, r.Rank));
    }
}
