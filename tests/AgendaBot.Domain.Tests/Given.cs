using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Domain.Tests;

/// <summary>Small, valid test data; each test changes only what it is about.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly TeamsUser Moderator = new("user-moderator", "Mira Moderation");
    public static readonly TeamsUser Alice = new("user-alice", "Alice Ammann");
    public static readonly TeamsUser Bob = new("user-bob", "Bob Berger");

    public static Workshop NewWorkshop() =>
        Workshop.Open("ws-1", "agenda-1", "Verwaltung", "conv-1", Moderator, capacity: null, Now);

    /// <summary>A workshop in <paramref name="step"/>, collecting, reached by the regular close-and-advance path.</summary>
    public static Workshop WorkshopIn(WorkshopStep step)
    {
        var workshop = NewWorkshop();
        while (workshop.CurrentStep != step)
        {
            workshop = workshop.CloseStep(workshop.CurrentStep).AdvanceFrom(workshop.CurrentStep);
        }

        return workshop;
    }

    public static Contribution NewContribution(WorkshopStep step = WorkshopStep.Problems, TeamsUser? author = null, int number = 1) =>
        Contribution.Create("ws-1", number, step, author ?? Alice, "Zu viele Papierformulare", Now);

    public static string Text(int length) => new('x', length);
}
