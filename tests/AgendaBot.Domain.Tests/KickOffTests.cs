using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;

namespace AgendaBot.Domain.Tests;

public sealed class KickOffTests
{
    private static readonly Agenda Hagenow = Agenda.Create("agenda-1", "Digitale Agenda Hagenow", Given.Moderator, null, null, null, Given.Now);

    [Fact]
    public void The_planned_workshops_follow_their_dates_and_leave_the_list_when_past()
    {
        var kickOff = KickOff.Open(Hagenow, "Bürgernah und digital",
            new Dictionary<string, DateOnly> { ["Einzelhandel/Gewerbe"] = new(2027, 3, 3), ["Verwaltung"] = new(2027, 2, 10) }, Given.Now);

        Assert.Equal(["Verwaltung", "Einzelhandel/Gewerbe"], kickOff.Upcoming(new DateOnly(2027, 2, 10)).Select(d => d.FieldOfAction));
        Assert.Equal(["Einzelhandel/Gewerbe"], kickOff.Upcoming(new DateOnly(2027, 2, 11)).Select(d => d.FieldOfAction));
        Assert.Empty(kickOff.Upcoming(new DateOnly(2027, 3, 4)));
    }

    [Fact]
    public void A_date_for_a_field_the_agenda_does_not_have_or_missing_goals_are_refused()
    {
        Assert.Throws<DomainException>(() => KickOff.Open(Hagenow, "Ziele", new Dictionary<string, DateOnly> { ["Bildung"] = new(2027, 1, 1) }, Given.Now));
        Assert.Throws<DomainException>(() => KickOff.Open(Hagenow, " ", new Dictionary<string, DateOnly>(), Given.Now));
    }

    [Fact]
    public void An_idea_is_assigned_to_a_field_of_the_agenda_until_it_is_in_a_workshop()
    {
        var idea = KickOffIdea.Submit("i-1", Given.Alice, "Online-Termine", null, Hagenow, Given.Now);

        var assigned = idea.AssignTo("Verwaltung", Hagenow);
        var taken = assigned.TakenInto("ws-1", 4);

        Assert.Equal("Verwaltung", assigned.FieldOfAction);
        Assert.Throws<DomainException>(() => idea.AssignTo("Bildung", Hagenow));
        Assert.Equal(DomainErrorCode.Conflict, Assert.Throws<DomainException>(() => taken.AssignTo("Tourismus/Mobilität", Hagenow)).Code);
    }
}
