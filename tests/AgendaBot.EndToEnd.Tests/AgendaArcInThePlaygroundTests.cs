using System.Globalization;
using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// Issue 16, the agenda's whole arc in the Playground, in German: the kick-off (framework, Klaus joins and brings an
/// idea, Anna assigns it), the workshop of that field starting with the idea, two measures planned in step 6, the
/// Schlussrunde in the channel (Klaus and Anna rate, the result orders the plan), the budget priority, the final plan
/// (the plan summary says so), a consultation and the evaluation. A class of its own: the agenda is the team's, once.
/// </summary>
public sealed class AgendaArcInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private const string KickOffIdea = "Sitzungsunterlagen des Rats digital bereitstellen";

    private const string Wlan = "WLAN-Zugang im Bürgerbüro einrichten";
    private const string Termine = "Online-Terminvergabe im Bürgerbüro";
    private const string Summary = "Zeit-Maßnahmen-Plan: Digitale Agenda Hagenow";

    private readonly ChannelTranscript channel = new(teams);

    [Fact]
    public async Task From_the_kick_off_through_a_workshop_and_the_final_round_to_a_final_plan_a_consultation_and_the_evaluation()
    {
        var scene = await WorkshopScene.OpenAsync(teams, channel);
        await scene.ReachStepSixAsync([Wlan, Termine], () => KickOffAsync(scene), firstNumber: 2);
        Assert.Contains($"#1  {KickOffIdea}  – Klaus Meier, Idee aus dem Kick-off", CardLines.Of(scene.Pinboard.Card));
        await PlanAsync(scene, "2", Wlan, 4);
        var summarySince = scene.Mark();
        await PlanAsync(scene, "3", Termine, 5);
        var summary = await channel.WaitForAsync(scene.WorkshopThread, 0, m => CardLines.First(m.Card) == Summary, "the plan summary");

        var setUp = await scene.SayAsync("schlussrunde");
        Assert.Equal("Schlussrunde: alle Maßnahmen gemeinsam bewerten", CardLines.First(setUp.Card));
        var ballot = await scene.ClickForCardAsync(scene.Anna, setUp, "finalround.start", new JsonObject { ["method"] = "stars", ["criteria"] = "Wirkung, Aufwand" });
        // Neither was ranked in the workshop: the ballot lists them as the plan summary does, by title.
        Assert.Contains($"1. {Termine}", CardLines.Of(ballot));
        Assert.Contains($"2. {Wlan}", CardLines.Of(ballot));

        // Klaus rates the WLAN 5 on Wirkung and 3 on Aufwand, the Terminvergabe 2 and 3; Anna 4/4 and 3/3.
        // WLAN: (4.5 + 3.5) / 2 = 4.0; Terminvergabe: (2.5 + 3) / 2 = 2.75 — the WLAN comes first now.
        var klaus = await scene.ClickForCardAsync(scene.Klaus, setUp, ballot, "finalround.vote",
            new JsonObject { ["s_1_0"] = "2", ["s_1_1"] = "3", ["s_2_0"] = "5", ["s_2_1"] = "3" });
        Assert.Contains("Ihre Stimme ist gezählt.", CardLines.Of(klaus));
        await scene.ClickForCardAsync(scene.Anna, setUp, ballot, "finalround.vote",
            new JsonObject { ["s_1_0"] = "3", ["s_1_1"] = "3", ["s_2_0"] = "4", ["s_2_1"] = "4" });

        var result = await scene.ClickForCardAsync(scene.Anna, setUp, ballot, "finalround.close");
        var lines = CardLines.Of(result).ToList();
        Assert.Contains("Abgestimmt haben: 2. Die Maßnahmen nach ihrem Platz:", lines);
        Assert.True(lines.IndexOf($"1. {Wlan}") < lines.IndexOf($"2. {Termine}"), string.Join(" | ", lines));
        Assert.Contains("Mittelwert 4,0 von 5 Sternen (Wirkung 4,5 · Aufwand 3,5)", lines);

        var budget = await scene.ClickForCardAsync(scene.Anna, setUp, result, "finalround.apply");
        Assert.Contains("Die Reihenfolge gilt jetzt für den ganzen Plan.", CardLines.Of(budget));
        var wlan = budget["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "measures")!["choices"]![0]!["value"]!.GetValue<string>();
        var saved = await scene.ClickForCardAsync(scene.Anna, setUp, budget, "plan.budget", new JsonObject { ["budgetYear"] = "2027", ["measures"] = wlan });
        Assert.Contains("1 Maßnahme für den Haushalt 2027 vorgemerkt.", CardLines.Of(saved));

        var final = await scene.ClickForCardAsync(scene.Anna, setUp, saved, "plan.final");
        var today = DateTime.UtcNow.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Endfassung seit {today} · Haushaltsprioritäten für 2027", CardLines.Of(final));

        var updated = await channel.WaitForAsync(scene.WorkshopThread, summarySince,
            m => m.MessageId == summary.MessageId && CardLines.Of(m.Card).Contains($"Endfassung seit {today} · Haushaltsprioritäten für 2027"),
            "the plan summary saying the plan is final");
        var shown = CardLines.Of(updated.Card).ToList();
        Assert.True(shown.IndexOf($"1. {Wlan}") < shown.IndexOf($"2. {Termine}"), string.Join(" | ", shown));

        var form = await scene.SayAsync("konsultation");
        var consulted = await scene.ClickForCardAsync(scene.Anna, form, "consultation.record", new JsonObject
        {
            ["partner"] = "Stadt Ludwigslust", ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["measures"] = wlan,
            ["note"] = "Erfahrungen mit dem WLAN im Bürgerbüro", ["materialShared"] = "true",
        });
        Assert.Equal("Konsultation gespeichert", CardLines.First(consulted));

        var evaluation = await scene.SayAsync("auswertung");
        Assert.Equal("Auswertung: Digitale Agenda Hagenow", CardLines.First(evaluation.Card));
        Assert.Contains("2 Maßnahmen: 2 im Zeitplan, 0 hinter dem Zeitplan, 0 erledigt, 0 verworfen.", CardLines.Of(evaluation.Card));
        Assert.Contains("1 Konsultation dokumentiert.", CardLines.Of(evaluation.Card));
    }

    // Anna opens the kick-off with a date for the Verwaltung workshop; Klaus joins and brings an idea, which Anna assigns.
    private static async Task KickOffAsync(WorkshopScene scene)
    {
        var setUp = await scene.SayAsync("kickoff");
        Assert.Equal("Kick-off vorbereiten", CardLines.First(setUp.Card));
        var planned = DateTime.UtcNow.AddDays(30);
        var board = await scene.ClickForCardAsync(scene.Anna, setUp, "kickoff.open", new JsonObject
        {
            ["goals"] = "Die Verwaltung digital und bürgernah machen", ["date_0"] = planned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Contains($"Verwaltung: Workshop am {planned.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} um 09:00 Uhr", CardLines.Of(board));
        // The Playground runs without Microsoft Graph: Anna, the lead, is told the dates are no Teams meetings.
        Assert.Contains(CardLines.Of(board), l => l.StartsWith("Die Termine stehen auf dieser Karte und im Wochenstand.", StringComparison.Ordinal));
        board = await scene.ClickForCardAsync(scene.Klaus, setUp, board, "kickoff.join", new JsonObject { ["group"] = "Companies" });
        board = await scene.ClickForCardAsync(scene.Klaus, setUp, board, "kickoff.idea", new JsonObject { ["idea"] = KickOffIdea });
        Assert.Contains($"{KickOffIdea}  – Klaus Meier, noch keinem Handlungsfeld zugeordnet", CardLines.Of(board));
        var idea = board["body"]!.AsArray().Single(e => e?["id"]?.GetValue<string>() == "assignIdea")!["choices"]![0]!["value"]!.GetValue<string>();
        board = await scene.ClickForCardAsync(scene.Anna, setUp, board, "kickoff.assign", new JsonObject { ["assignIdea"] = idea, ["assignField"] = "Verwaltung" });
        Assert.Contains("Die Idee gehört jetzt zum Handlungsfeld „Verwaltung“.", CardLines.Of(board));
    }

    private static Task PlanAsync(WorkshopScene scene, string proposal, string title, int contribution) =>
        scene.PlanMeasureAsync(scene.Anna, "Anna Schulz",
            new() { ["measure"] = proposal, ["start"] = "2027-01-01", ["end"] = "2027-06-30" },
            $"Die Maßnahme „{title}“ ist im Zeit-Maßnahmen-Plan (Beitrag #{contribution}).",
            $"#{contribution}  Plan: {title} · verantwortlich: Anna Schulz · 01.01.2027 bis 30.06.2027 · 0 Arbeitspakete, 0 Meilensteine, 0 Indikatoren  – Anna Schulz");
}
