using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;

namespace AgendaBot.Domain.Tests;

public sealed class VotingRoundValidateTests
{
    private static readonly DateTimeOffset Deadline = Given.Now.AddDays(1);

    private static readonly VotingRound Stars = new()
    {
        Id = "round-stars",
        WorkshopId = "ws-1",
        Method = VotingMethod.StarRating,
        Items = [1, 2, 3],
        Criteria = ["Nutzen", "Aufwand"],
        StartedBy = Given.Moderator.Id,
        StartedAt = Given.Now,
        Deadline = Deadline,
    };

    // Five points per person, at most three on one item.
    private static readonly VotingRound Dots = Stars with
    {
        Id = "round-dots",
        Method = VotingMethod.DotVoting,
        Criteria = [],
        PointsPerPerson = 5,
        MaxPointsPerItem = 3,
    };

    [Fact]
    public void A_valid_star_ballot_is_accepted()
    {
        var error = Record.Exception(() => Stars.Validate(Ballot(new Score(1, "Nutzen", 5), new Score(1, "Aufwand", 1)), Given.Now));

        Assert.Null(error);
    }

    [Fact]
    public void A_valid_dot_ballot_is_accepted()
    {
        var error = Record.Exception(() => Dots.Validate(Ballot(new Score(1, null, 3), new Score(2, null, 2)), Given.Now));

        Assert.Null(error);
    }

    [Fact]
    public void A_closed_round_refuses_ballots()
    {
        var closed = Stars.Close(Given.Now);

        var error = Assert.Throws<DomainException>(() => closed.Validate(Ballot(new Score(1, "Nutzen", 4)), Given.Now));

        Assert.Equal(DomainErrorCode.RoundClosed, error.Code);
    }

    [Fact]
    public void A_round_refuses_ballots_from_its_deadline_on()
    {
        var error = Assert.Throws<DomainException>(() => Stars.Validate(Ballot(new Score(1, "Nutzen", 4)), Deadline));

        Assert.Equal(DomainErrorCode.RoundClosed, error.Code);
    }

    [Fact]
    public void Closing_a_closed_round_again_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Stars.Close(Given.Now).Close(Given.Now));

        Assert.Equal(DomainErrorCode.RoundClosed, error.Code);
    }

    [Fact]
    public void A_score_for_an_item_outside_the_round_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Stars.Validate(Ballot(new Score(99, "Nutzen", 4)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
        Assert.Equal(new InputProblem.ItemNotInRound(99), error.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Stars_outside_one_to_five_are_refused(int stars)
    {
        var error = Assert.Throws<DomainException>(() => Stars.Validate(Ballot(new Score(1, "Nutzen", stars)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
        Assert.Equal(new InputProblem.StarsOutOfRange(1, stars), error.Problem);
    }

    [Theory]
    [InlineData("Kosten")]
    [InlineData(null)]
    public void Stars_on_a_criterion_outside_the_round_are_refused(string? criterion)
    {
        var error = Assert.Throws<DomainException>(() => Stars.Validate(Ballot(new Score(1, criterion, 4)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
    }

    [Fact]
    public void Rating_the_same_item_on_the_same_criterion_twice_is_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Stars.Validate(Ballot(new Score(1, "Nutzen", 5), new Score(1, "Nutzen", 5)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
    }

    [Fact]
    public void More_points_than_each_person_has_are_refused()
    {
        var error = Assert.Throws<DomainException>(() =>
            Dots.Validate(Ballot(new Score(1, null, 2), new Score(2, null, 2), new Score(3, null, 2)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
        Assert.Equal(new InputProblem.TooManyPoints(6, Dots.PointsPerPerson), error.Problem);
    }

    [Fact]
    public void More_points_on_one_item_than_allowed_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => Dots.Validate(Ballot(new Score(1, null, 4)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
        Assert.Equal(new InputProblem.TooManyPointsOnItem(1, 4, Dots.MaxPointsPerItem), error.Problem);
    }

    [Fact]
    public void Points_for_one_item_split_over_two_scores_still_count_against_the_item_limit()
    {
        var error = Assert.Throws<DomainException>(() => Dots.Validate(Ballot(new Score(1, null, 2), new Score(1, null, 2)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
    }

    [Fact]
    public void Negative_points_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => Dots.Validate(Ballot(new Score(1, null, 3), new Score(2, null, -1)), Given.Now));

        Assert.Equal(DomainErrorCode.InvalidBallot, error.Code);
    }

    private static Ballot Ballot(params Score[] scores) => new("round", Given.Alice.Id, scores, Given.Now);
}
