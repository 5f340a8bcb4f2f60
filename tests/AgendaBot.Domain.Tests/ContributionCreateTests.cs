using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

public sealed class ContributionCreateTests
{
    [Theory]
    [InlineData(WorkshopStep.StatusQuo, ContributionKind.Observation)]
    [InlineData(WorkshopStep.Problems, ContributionKind.Problem)]
    [InlineData(WorkshopStep.BestPractice, ContributionKind.BestPracticeExample)]
    [InlineData(WorkshopStep.Goals, ContributionKind.Goal)]
    [InlineData(WorkshopStep.ActionConcept, ContributionKind.MeasureProposal)]
    [InlineData(WorkshopStep.TimeAndMeasuresPlan, ContributionKind.MeasurePlan)]
    public void Each_step_has_its_own_kind_of_contribution(WorkshopStep step, ContributionKind kind)
    {
        Assert.Equal(kind, Given.NewContribution(step).Kind);
    }

    [Fact]
    public void The_text_is_trimmed()
    {
        var contribution = Contribution.Create("ws-1", 1, WorkshopStep.Problems, Given.Alice, "  Kein WLAN im Rathaus  ", Given.Now);

        Assert.Equal("Kein WLAN im Rathaus", contribution.Text);
    }

    [Fact]
    public void An_empty_text_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Contribution.Create("ws-1", 1, WorkshopStep.Problems, Given.Alice, "  ", Given.Now));

        Assert.Equal(DomainErrorCode.TextMissing, error.Code);
    }

    [Fact]
    public void A_too_long_text_is_refused_with_the_limit()
    {
        var error = Assert.Throws<DomainException>(() =>
            Contribution.Create("ws-1", 1, WorkshopStep.Problems, Given.Alice, Given.Text(TextLimits.ContributionText + 1), Given.Now));

        Assert.Equal(DomainErrorCode.TextTooLong, error.Code);
        Assert.Equal(TextLimits.ContributionText, error.Limit);
    }

    [Theory]
    [InlineData("https://www.smart-city-beispiel.de/projekt")]
    [InlineData("http://example.org")]
    public void A_best_practice_link_may_be_http_or_https(string link)
    {
        var contribution = BestPractice(new BestPracticeDetails("Bürger-App", "Musterstadt", link));

        Assert.Equal(link, contribution.BestPractice?.Link);
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("www.example.org")]
    [InlineData("not a link")]
    public void A_best_practice_link_that_is_not_http_is_refused(string link)
    {
        var error = Assert.Throws<DomainException>(() => BestPractice(new BestPracticeDetails("Bürger-App", null, link)));

        Assert.Equal(DomainErrorCode.InvalidValue, error.Code);
        Assert.Equal("link", error.Subject);
    }

    [Fact]
    public void Best_practice_details_are_dropped_outside_step_three()
    {
        var contribution = Contribution.Create("ws-1", 1, WorkshopStep.Problems, Given.Alice, "Text", Given.Now,
            bestPractice: new BestPracticeDetails("Bürger-App", null, null));

        Assert.Null(contribution.BestPractice);
    }

    [Fact]
    public void A_goal_assessment_is_kept_in_step_four()
    {
        var assessment = new GoalAssessment(Desirable: true, Necessary: true, Feasible: false);

        var contribution = Contribution.Create("ws-1", 1, WorkshopStep.Goals, Given.Alice, "Digitales Bürgeramt", Given.Now, goal: assessment);

        Assert.Equal(assessment, contribution.Goal);
    }

    [Theory]
    [InlineData(WorkshopStep.Problems)]
    [InlineData(WorkshopStep.ActionConcept)]
    public void A_goal_assessment_is_dropped_outside_step_four(WorkshopStep step)
    {
        var contribution = Contribution.Create("ws-1", 1, step, Given.Alice, "Text", Given.Now, goal: new GoalAssessment(true, true, true));

        Assert.Null(contribution.Goal);
    }

    [Fact]
    public void Merging_a_contribution_into_itself_is_refused()
    {
        var contribution = Given.NewContribution(number: 7);

        var error = Assert.Throws<DomainException>(() => contribution.MergeInto(7));

        Assert.Equal(DomainErrorCode.InvalidValue, error.Code);
    }

    [Fact]
    public void A_merged_duplicate_is_hidden_and_points_to_its_target()
    {
        var merged = Given.NewContribution(number: 7).MergeInto(3);

        Assert.True(merged.Hidden);
        Assert.Equal(3, merged.MergedInto);
    }

    private static Contribution BestPractice(BestPracticeDetails details) =>
        Contribution.Create("ws-1", 1, WorkshopStep.BestPractice, Given.Alice, "Beispiel aus Musterstadt", Given.Now, bestPractice: details);
}
