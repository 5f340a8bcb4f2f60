using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

public sealed class CitizenIdeaTests
{
    private static readonly string[] Fields = ["Verwaltung", "Tourismus/Mobilität"];
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_problem_of_a_submission_is_named_at_once()
    {
        var problems = CitizenIdea.Check(Fields, "Raumfahrt", new string('x', CitizenIdea.MaxText + 1), new string('y', CitizenIdea.MaxDistrict + 1), consent: false);

        Assert.Equal([CitizenIdeaProblem.FieldMissing, CitizenIdeaProblem.TextTooLong, CitizenIdeaProblem.DistrictTooLong, CitizenIdeaProblem.ConsentMissing],
            problems);
    }

    [Fact]
    public void A_blank_idea_is_missing_and_an_idea_of_exactly_the_limit_is_taken()
    {
        Assert.Equal([CitizenIdeaProblem.TextMissing], CitizenIdea.Check(Fields, "Verwaltung", "   ", null, consent: true));
        Assert.Empty(CitizenIdea.Check(Fields, "Verwaltung", new string('x', CitizenIdea.MaxText), null, consent: true));
    }

    [Fact]
    public void A_submitted_idea_is_trimmed_pending_and_without_an_empty_district()
    {
        var idea = CitizenIdea.Submit("i-1", Fields, " Verwaltung ", "  Mehr Termine online  ", " ", consent: true, Now);

        Assert.Equal(("Verwaltung", "Mehr Termine online", null, CitizenIdeaState.Pending), (idea.FieldOfAction, idea.Text, idea.District, idea.State));
    }

    [Fact]
    public void A_decided_idea_is_not_decided_again()
    {
        var accepted = CitizenIdea.Submit("i-1", Fields, "Verwaltung", "Mehr Termine online", null, consent: true, Now)
            .Accept("ws-1", "Verwaltung", WorkshopStep.Problems, 4, Now);

        Assert.Equal((CitizenIdeaState.Accepted, WorkshopStep.Problems, 4), (accepted.State, accepted.Step!.Value, accepted.ContributionNumber!.Value));
        Assert.Throws<DomainException>(() => accepted.Reject("doch nicht", Now));
        Assert.Throws<DomainException>(() => accepted.Accept("ws-2", "Tourismus/Mobilität", WorkshopStep.Goals, 1, Now));
    }

    [Fact]
    public void Declining_needs_a_reason()
    {
        var idea = CitizenIdea.Submit("i-1", Fields, "Verwaltung", "Mehr Termine online", null, consent: true, Now);

        Assert.Equal(DomainErrorCode.TextMissing, Assert.Throws<DomainException>(() => idea.Reject(" ", Now)).Code);
        Assert.Equal("Gibt es schon", idea.Reject(" Gibt es schon ", Now).Reason);
    }

    [Fact]
    public void A_citizens_idea_joins_the_step_being_collected_but_never_the_plan_of_step_6()
    {
        var collecting = Given.WorkshopIn(WorkshopStep.Problems);
        var planning = Given.WorkshopIn(WorkshopStep.TimeAndMeasuresPlan);

        var contribution = Contribution.FromCitizens("Mehr Termine online", Now)(collecting, 3);

        Assert.Equal((ContributionOrigin.Citizens, WorkshopStep.Problems, true), (contribution.Origin, contribution.Step, contribution.Author.IsAnonymous));
        Assert.Throws<DomainException>(() => Contribution.FromCitizens("Mehr Termine online", Now)(planning, 3));
    }
}
