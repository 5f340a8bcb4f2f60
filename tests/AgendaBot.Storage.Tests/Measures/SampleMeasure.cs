using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;

namespace AgendaBot.Storage.Tests.Measures;

internal static class SampleMeasure
{
    public const string AgendaId = "agenda-hagenow";

    /// <summary>A measure with every field set to something other than its default.</summary>
    public static Measure WithEveryField(string id = "m-termine", TeamsUser? owner = null) => new()
    {
        Id = id,
        AgendaId = AgendaId,
        Title = "Online-Terminvergabe im Bürgeramt",
        Description = "Termine für das Bürgeramt online buchbar machen.",
        Owner = owner ?? People.Alice,
        Start = new DateOnly(2026, 4, 1),
        End = new DateOnly(2026, 12, 31),
        WorkPackages = ["Anbieter wählen", "Schulung"],
        Milestones = [new Milestone("Vertrag", new DateOnly(2026, 5, 15), Done: true), new Milestone("Start", new DateOnly(2026, 9, 1))],
        Indicators = [new Indicator("Online gebuchte Termine", "%", 0, 60, 12.5), new Indicator("Wartezeit", null, null, 10)],
        Priority = 2,
        NextBudgetYear = true,
        Status = MeasureStatus.InProgress,
        Progress = 35,
        SourceWorkshopId = "ws-verwaltung",
        SourceContribution = 17,
    };
}
