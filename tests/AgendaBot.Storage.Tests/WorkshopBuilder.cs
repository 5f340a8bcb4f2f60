using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Storage.Tests;

/// <summary>People and workshops for storage tests, each test with fresh ids.</summary>
internal static class WorkshopBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly TeamsUser Moderator = new("aad-moderator", "Maria Moderatorin");

    public static TeamsUser Person(int n) => new($"aad-person-{n}", $"Person {n}");

    public static async Task<Workshop> CreateAsync(TenantScope tenant, int capacity = 15)
    {
        var workshop = Workshop.Open($"ws-{Guid.NewGuid():N}", "agenda-1", "Verwaltung", "19:workshop@thread.tacv2", Moderator, capacity, Now);
        return (await new WorkshopRepository(TestStorage.Tables).CreateAsync(tenant, workshop)).Value;
    }

    public static Func<Workshop, int, Contribution> Idea(TeamsUser author, string text) =>
        (workshop, number) =>
        {
            workshop.EnsureAccepts(workshop.CurrentStep);
            return Contribution.Create(workshop.Id, number, workshop.CurrentStep, author, text, Now);
        };
}
