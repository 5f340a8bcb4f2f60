using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Benchmarks;

/// <summary>Deterministic workshops and measure plans of a given size, shaped like real ones (German texts, mixed states).</summary>
internal static class SampleData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    private static readonly string[] Phrases =
    [
        "Bürgerportal mit Online-Terminvergabe für das Einwohnermeldeamt",
        "Kostenloses WLAN im Rathaus und in der Stadtbibliothek",
        "Digitale Sprechstunde der Verwaltung am Donnerstagabend",
        "Breitbandausbau in den Ortsteilen Zapel und Hoort beschleunigen",
        "Schulungen für ältere Menschen: Smartphone und Online-Banking",
    ];

    public static TeamsUser Person(int i) => new($"aad-person-{i}", $"Person {i}");

    /// <summary>A workshop in step 5 with <paramref name="count"/> contributions spread over steps 1–5.</summary>
    public static (Workshop Workshop, IReadOnlyList<Contribution> Contributions) Workshop(int count)
    {
        var workshop = Domain.Workshops.Workshop.Open("bench-workshop", "bench-agenda", "Verwaltung", "19:bench@thread.tacv2",
            Person(0), 200, Now) with { CurrentStep = WorkshopStep.ActionConcept, NextContributionNumber = count + 1 };
        var contributions = Enumerable.Range(1, count).Select(n =>
        {
            var step = (WorkshopStep)(1 + ((n - 1) * 5 / count));
            return Contribution.Create(workshop.Id, n, step, Person(n % 40), $"{Phrases[n % Phrases.Length]} (Beitrag {n})", Now.AddMinutes(n),
                step == WorkshopStep.BestPractice ? new BestPracticeDetails("Bürger-App", "Ludwigslust", "https://example.org/app") : null,
                step == WorkshopStep.Goals ? new GoalAssessment(true, n % 2 == 0, n % 3 == 0) : null,
                step == WorkshopStep.ActionConcept ? [1, 2] : null) with
            {
                Priority = n % 7 == 0 ? n / 7 : null,
            };
        }).ToList();
        return (workshop, contributions);
    }

    /// <summary><paramref name="count"/> measures: every status, two milestones and an indicator each; some late, some silent.</summary>
    public static IReadOnlyList<Measure> Measures(int count) => Enumerable.Range(1, count).Select(n => new Measure
    {
        Id = $"m{n:0000}",
        AgendaId = "bench-agenda",
        Title = $"{Phrases[n % Phrases.Length]} – Maßnahme {n}",
        Description = "Umsetzung gemäß Zeit- und Maßnahmenplan des Workshops.",
        Owner = Person(n % 60),
        Start = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-200 + n % 100),
        End = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-30 + n % 300),
        WorkPackages = ["Konzept", "Ausschreibung", "Umsetzung"],
        Milestones =
        [
            new Milestone("Konzept abgestimmt", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-20 + n % 40), n % 3 == 0),
            new Milestone("Pilot gestartet", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(10 + n % 60)),
        ],
        Indicators = [new Indicator("Online-Anträge pro Monat", "Anträge", 10, 200, 10 + n % 150)],
        Status = (MeasureStatus)(n % 5),
        Progress = n % 101,
        UpdatedAt = Now.AddDays(-(n % 30)),
    }).ToList();

    /// <summary>The week's changes: one status change for every fifth measure.</summary>
    public static IReadOnlyList<MeasureChange> History(IReadOnlyList<Measure> measures) => measures.Where((_, i) => i % 5 == 0)
        .Select((m, i) => new MeasureChange(m.Id, Person(i % 60), Now.AddHours(-i % 150), "status", "Planned", m.Status.ToString()))
        .ToList();
}
