using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;

namespace AgendaBot.Domain.Tests;

/// <summary>The Schlussrunde over all measures of the agenda, and the plan's way from draft to final.</summary>
public sealed class FinalRoundTests
{
    private static Measure M(string id, string title, int? priority = null, MeasureStatus status = MeasureStatus.Planned) =>
        new() { Id = id, AgendaId = "agenda-1", Title = title, Priority = priority, Status = status };

    private static readonly IReadOnlyList<Measure> Plan =
        [M("termine", "Online-Terminvergabe", 1), M("wlan", "Freies WLAN", 2), M("portal", "Bürgerportal"), M("alt", "Faxgerät", status: MeasureStatus.Dropped)];

    private static FinalRound Stars() =>
        FinalRound.Start("round-1", "agenda-1", "19:lenkung", VotingMethod.StarRating, ["Wirkung", "Aufwand"], Plan, "user-lead", Given.Now);

    private static Ballot B(string voter, params (int Item, string? Criterion, int Value)[] scores) =>
        new("round-1", voter, scores.Select(s => new Score(s.Item, s.Criterion, s.Value)).ToList(), Given.Now);

    [Fact]
    public void The_result_orders_the_plan_as_computed_by_hand()
    {
        // Anna: Terminvergabe 2/2, WLAN 5/4, Portal 3/3. Klaus: Terminvergabe 3/3, WLAN 4/4, Portal 5/3.
        // Means per criterion, then their mean: Terminvergabe (2.5 + 2.5) / 2 = 2.5; WLAN (4.5 + 4) / 2 = 4.25;
        // Portal (4 + 3) / 2 = 3.5. So WLAN first, then Portal, then Terminvergabe; the dropped fax is not rated.
        var closed = Stars().Close(
        [
            B("anna", (1, "Wirkung", 2), (1, "Aufwand", 2), (2, "Wirkung", 5), (2, "Aufwand", 4), (3, "Wirkung", 3), (3, "Aufwand", 3)),
            B("klaus", (1, "Wirkung", 3), (1, "Aufwand", 3), (2, "Wirkung", 4), (2, "Aufwand", 4), (3, "Wirkung", 5), (3, "Aufwand", 3)),
        ], Given.Now.AddHours(1));

        Assert.Equal(["termine", "wlan", "portal"], closed.MeasureIds);
        Assert.Equal([(2, 4.25), (3, 3.5), (1, 2.5)], closed.Results!.Ranking.Select(r => (r.Item, Math.Round(r.Score, 6))));
        Assert.Equal(new Dictionary<string, int> { ["wlan"] = 1, ["portal"] = 2, ["termine"] = 3 }, closed.PlanOrder(Plan));
    }

    [Fact]
    public void Measures_planned_after_the_round_started_follow_in_their_old_order()
    {
        var closed = Stars().Close([B("anna", (3, "Wirkung", 5))], Given.Now);
        var grown = Plan.Append(M("neu", "Digitale Bauakte", 1)).ToList();

        var order = closed.PlanOrder(grown);

        Assert.Equal(4, order["neu"]);
        Assert.False(order.ContainsKey("alt"));
        Assert.Equal(1, order["portal"]);
    }

    [Fact]
    public void Ties_share_a_place_and_keep_the_order_they_were_put_to_the_vote()
    {
        var closed = Stars().Close([B("anna", (1, "Wirkung", 4), (2, "Wirkung", 4), (3, "Wirkung", 1))], Given.Now);

        Assert.All(closed.Results!.Ranking.Take(2), r => Assert.True(r.Tied));
        Assert.Equal(1, closed.Results.Ranking[1].Rank);
        Assert.Equal(new Dictionary<string, int> { ["termine"] = 1, ["wlan"] = 2, ["portal"] = 3 }, closed.PlanOrder(Plan));
    }

    [Fact]
    public void Without_criteria_the_defaults_are_Wirkung_Aufwand_and_Dringlichkeit()
    {
        var round = FinalRound.Start("r", "agenda-1", "19:lenkung", VotingMethod.StarRating, [], Plan, "user-lead", Given.Now);

        Assert.Equal(["Wirkung", "Aufwand", "Dringlichkeit"], round.Criteria);
    }

    [Fact]
    public void Dot_voting_gives_a_third_of_the_measures_as_points_and_at_least_three()
    {
        var round = FinalRound.Start("r", "agenda-1", "19:lenkung", VotingMethod.DotVoting, null, Plan, "user-lead", Given.Now);

        Assert.Equal((3, 3), (round.PointsPerPerson, round.MaxPointsPerItem));
        Assert.Empty(round.Criteria);
        var tooMany = Assert.Throws<DomainException>(() => round.Validate(B("anna", (1, null, 2), (2, null, 2)), Given.Now));
        Assert.IsType<InputProblem.TooManyPoints>(tooMany.Problem);
    }

    [Fact]
    public void A_ballot_for_a_measure_not_in_the_round_or_after_the_end_is_refused()
    {
        var round = Stars();

        var stranger = Assert.Throws<DomainException>(() => round.Validate(B("anna", (4, "Wirkung", 3)), Given.Now));
        Assert.IsType<InputProblem.ItemNotInRound>(stranger.Problem);
        var closed = round.Close([], Given.Now);
        Assert.Equal(DomainErrorCode.RoundClosed, Assert.Throws<DomainException>(() => closed.Validate(B("anna", (1, "Wirkung", 3)), Given.Now)).Code);
        Assert.Equal(DomainErrorCode.RoundClosed, Assert.Throws<DomainException>(() => closed.Close([], Given.Now)).Code);
    }

    [Fact]
    public void A_round_needs_two_measures_that_are_not_dropped()
    {
        var error = Assert.Throws<DomainException>(() =>
            FinalRound.Start("r", "agenda-1", "19:lenkung", VotingMethod.StarRating, null, [Plan[0], Plan[3]], "user-lead", Given.Now));

        Assert.Equal(DomainErrorCode.TooManyItems, error.Code);
    }

    [Fact]
    public void The_more_criteria_the_fewer_measures_fit_on_one_ballot()
    {
        var plan = Enumerable.Range(1, 17).Select(i => M($"m{i}", $"Maßnahme {i}")).ToList();

        var error = Assert.Throws<DomainException>(() =>
            FinalRound.Start("r", "agenda-1", "19:lenkung", VotingMethod.StarRating, null, plan, "user-lead", Given.Now));
        var dots = FinalRound.Start("r", "agenda-1", "19:lenkung", VotingMethod.DotVoting, null, plan, "user-lead", Given.Now);

        Assert.Equal((DomainErrorCode.TooManyItems, 16), (error.Code, error.Limit));
        Assert.Equal(17, dots.MeasureIds.Count);
        Assert.Equal(30, FinalRound.MaxMeasures(VotingMethod.StarRating, 1));
        Assert.True(FinalRound.MaxMeasures(VotingMethod.StarRating, 5) < FinalRound.MaxMeasures(VotingMethod.StarRating, 3));
    }

    [Fact]
    public void The_plan_order_waits_for_the_end_of_the_round()
    {
        Assert.Equal(DomainErrorCode.WrongStep, Assert.Throws<DomainException>(() => Stars().PlanOrder(Plan)).Code);
    }

    [Fact]
    public void A_plan_becomes_final_once_and_keeps_the_day_it_did()
    {
        var final = PlanState.Draft.WithBudgetYear(2027).Finalise(Given.Now);
        var again = final.Finalise(Given.Now.AddDays(3));

        Assert.True(final.IsFinal);
        Assert.Equal(Given.Now, again.FinalSince);
        Assert.Equal(2027, again.BudgetYear);
        Assert.Throws<DomainException>(() => PlanState.Draft.WithBudgetYear(27));
    }
}
