using AgendaBot.Domain.Common;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

public sealed class EnsureAcceptsTests
{
    [Fact]
    public void The_current_collecting_step_accepts_contributions()
    {
        var workshop = Given.WorkshopIn(WorkshopStep.Goals);

        var error = Record.Exception(() => workshop.EnsureAccepts(WorkshopStep.Goals));

        Assert.Null(error);
    }

    [Fact]
    public void A_closed_step_refuses_contributions()
    {
        var closed = Given.WorkshopIn(WorkshopStep.Goals).CloseStep(WorkshopStep.Goals);

        var error = Assert.Throws<DomainException>(() => closed.EnsureAccepts(WorkshopStep.Goals));

        Assert.Equal(DomainErrorCode.StepClosed, error.Code);
        Assert.Equal("4", error.Subject);
    }

    [Fact]
    public void An_earlier_step_refuses_contributions()
    {
        var workshop = Given.WorkshopIn(WorkshopStep.Goals);

        var error = Assert.Throws<DomainException>(() => workshop.EnsureAccepts(WorkshopStep.Problems));

        Assert.Equal(DomainErrorCode.WrongStep, error.Code);
        Assert.Equal("2", error.Subject);
    }

    [Fact]
    public void A_later_step_refuses_contributions()
    {
        var workshop = Given.WorkshopIn(WorkshopStep.Goals);

        var error = Assert.Throws<DomainException>(() => workshop.EnsureAccepts(WorkshopStep.ActionConcept));

        Assert.Equal(DomainErrorCode.WrongStep, error.Code);
    }

    [Fact]
    public void A_completed_workshop_refuses_contributions()
    {
        var done = Given.WorkshopIn(WorkshopStep.TimeAndMeasuresPlan).CloseStep(WorkshopStep.TimeAndMeasuresPlan);

        Assert.Throws<DomainException>(() => done.EnsureAccepts(WorkshopStep.TimeAndMeasuresPlan));
    }
}
