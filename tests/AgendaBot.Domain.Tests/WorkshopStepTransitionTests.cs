using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

public sealed class WorkshopStepTransitionTests
{
    [Fact]
    public void A_new_workshop_collects_in_step_one()
    {
        var workshop = Given.NewWorkshop();

        Assert.Equal(WorkshopStep.StatusQuo, workshop.CurrentStep);
        Assert.Equal(StepState.Collecting, workshop.StepState);
        Assert.False(workshop.Completed);
    }

    [Fact]
    public void Closing_a_step_stops_collecting_but_stays_in_the_step()
    {
        var closed = Given.NewWorkshop().CloseStep(WorkshopStep.StatusQuo);

        Assert.Equal(WorkshopStep.StatusQuo, closed.CurrentStep);
        Assert.Equal(StepState.Closed, closed.StepState);
    }

    [Fact]
    public void Advancing_from_a_closed_step_opens_the_next_step()
    {
        var next = Given.NewWorkshop().CloseStep(WorkshopStep.StatusQuo).AdvanceFrom(WorkshopStep.StatusQuo);

        Assert.Equal(WorkshopStep.Problems, next.CurrentStep);
        Assert.Equal(StepState.Collecting, next.StepState);
    }

    [Fact]
    public void Advancing_while_the_step_is_still_collecting_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Given.NewWorkshop().AdvanceFrom(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.InvalidStepTransition, error.Code);
    }

    [Fact]
    public void Closing_a_closed_step_again_is_refused()
    {
        var closed = Given.NewWorkshop().CloseStep(WorkshopStep.StatusQuo);

        var error = Assert.Throws<DomainException>(() => closed.CloseStep(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.InvalidStepTransition, error.Code);
    }

    [Fact]
    public void Closing_steps_one_to_five_does_not_complete_the_workshop()
    {
        var closedFive = Given.WorkshopIn(WorkshopStep.ActionConcept).CloseStep(WorkshopStep.ActionConcept);

        Assert.False(closedFive.Completed);
    }

    [Fact]
    public void Closing_step_six_completes_the_workshop()
    {
        var done = Given.WorkshopIn(WorkshopStep.TimeAndMeasuresPlan).CloseStep(WorkshopStep.TimeAndMeasuresPlan);

        Assert.True(done.Completed);
    }

    [Fact]
    public void Nothing_comes_after_step_six()
    {
        var done = Given.WorkshopIn(WorkshopStep.TimeAndMeasuresPlan).CloseStep(WorkshopStep.TimeAndMeasuresPlan);

        var error = Assert.Throws<DomainException>(() => done.AdvanceFrom(WorkshopStep.TimeAndMeasuresPlan));

        Assert.Equal(DomainErrorCode.InvalidStepTransition, error.Code);
    }

    [Fact]
    public void Reopening_a_closed_step_collects_again()
    {
        var reopened = Given.NewWorkshop().CloseStep(WorkshopStep.StatusQuo).ReopenStep(WorkshopStep.StatusQuo);

        Assert.Equal(WorkshopStep.StatusQuo, reopened.CurrentStep);
        Assert.Equal(StepState.Collecting, reopened.StepState);
    }

    [Fact]
    public void Reopening_step_six_makes_the_workshop_incomplete_again()
    {
        var done = Given.WorkshopIn(WorkshopStep.TimeAndMeasuresPlan).CloseStep(WorkshopStep.TimeAndMeasuresPlan);

        var reopened = done.ReopenStep(WorkshopStep.TimeAndMeasuresPlan);

        Assert.False(reopened.Completed);
        Assert.Equal(StepState.Collecting, reopened.StepState);
    }

    [Fact]
    public void Reopening_a_step_that_is_collecting_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Given.NewWorkshop().ReopenStep(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.InvalidStepTransition, error.Code);
    }

    [Fact]
    public void Closing_with_a_stale_step_number_is_refused_as_wrong_step()
    {
        var inStepTwo = Given.WorkshopIn(WorkshopStep.Problems);

        var error = Assert.Throws<DomainException>(() => inStepTwo.CloseStep(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.WrongStep, error.Code);
        Assert.Equal("1", error.Subject);
    }

    [Fact]
    public void Advancing_with_a_stale_step_number_is_refused_as_wrong_step()
    {
        var closedTwo = Given.WorkshopIn(WorkshopStep.Problems).CloseStep(WorkshopStep.Problems);

        var error = Assert.Throws<DomainException>(() => closedTwo.AdvanceFrom(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.WrongStep, error.Code);
    }

    [Fact]
    public void Reopening_with_a_stale_step_number_is_refused_as_wrong_step()
    {
        var closedTwo = Given.WorkshopIn(WorkshopStep.Problems).CloseStep(WorkshopStep.Problems);

        var error = Assert.Throws<DomainException>(() => closedTwo.ReopenStep(WorkshopStep.StatusQuo));

        Assert.Equal(DomainErrorCode.WrongStep, error.Code);
    }
}
