using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// A whole workshop in the channel "Workshop Verwaltung" of the Playground's team "Digitale Agenda Hagenow", driven
/// through the Playground's own API against the real bot: what the channel shows (the bot's messages on the
/// Playground's WebSocket) and what each person who clicks gets back (the invoke responses).
/// <para>
/// Who does what follows from the Playground: card clicks can come from any member of its mock team, but every typed
/// message comes from its current user, Anna Schulz (see <see cref="PlaygroundApi.SayAsync"/>). The moderation
/// commands are typed, so Anna moderates; Petra Hoffmann, the project lead, sets up the agenda and adds to the plan
/// by clicking; Klaus Meier, Sabine Wagner and Mehmet Yılmaz take part by clicking.
/// </para>
/// </summary>
public sealed class WorkshopInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private const string Pinboard = "Pinnwand: Verwaltung";

    private readonly ChannelTranscript channel = new(teams);
    private WorkshopScene scene = null!;

    [Fact]
    public async Task A_workshop_runs_through_all_six_steps_and_everybody_sees_it_in_the_channel()
    {
        scene = await WorkshopScene.OpenAsync(teams, channel);
        await SetUpTheAgendaAsync();
        await OpenTheWorkshopAsync();
        await ThreeParticipantsRegisterAsync();

        await StatusQuoAsync();
        await ProblemsAsync();
        await BestPracticeAsync();
        await GoalsAsync();
        await ActionConceptAsync();
        await PlanAsync();

        ThePinboardWasOneMessageUpdatedInPlace();
    }

    private async Task SetUpTheAgendaAsync()
    {
        var setUp = await scene.SayAsync("agenda");
        Assert.Equal("Digitale Agenda anlegen", setUp.CardTitle);
        Assert.Equal("de", setUp.CardLanguage);

        var summary = await scene.ClickForCardAsync(scene.Petra, setUp, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow",
            ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe",
            ["statusHere"] = "true",
        });

        Assert.Equal(
            [
                "Digitale Agenda Hagenow",
                "Die Agenda „Digitale Agenda Hagenow“ ist angelegt. Projektleitung: Petra Hoffmann. Öffnen Sie jetzt je Handlungsfeld "
                + "einen Workshop in seinem Kanal mit „@AgendaBot workshop“.",
                "• Verwaltung", "• Tourismus/Mobilität", "• Einzelhandel/Gewerbe",
                "Der Stand kommt jeden Montag um 8:00 Uhr.",
            ],
            CardLines.Of(summary));
    }

    private async Task OpenTheWorkshopAsync()
    {
        var offer = await scene.SayAsync("workshop");
        Assert.Equal("Workshop in diesem Kanal eröffnen", offer.CardTitle);
        scene.WorkshopThread = offer.ConversationId;
        var since = channel.Mark(scene.WorkshopThread);

        var opened = await scene.ClickForCardAsync(scene.Anna, offer, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });

        Assert.Equal(["Der Workshop „Verwaltung“ ist eröffnet. Moderation: Anna Schulz.", "0 von 15 Plätzen belegt."], CardLines.Of(opened));
        scene.Registration = await scene.PostedAsync(since, "Anmeldung zum Workshop „Verwaltung“");
        Assert.Equal(["workshop.register"], CardLines.Buttons(scene.Registration.Card));
        scene.StepCard = await scene.StepCardAsync(since, "Schritt 1 von 6: Status-Quo-Beschreibung");
        // Everyone sees the form; only Anna, who moderates, sees "Schritt abschließen" (Teams shows her her own view).
        Assert.Equal(["contribution.add"], CardLines.Buttons(scene.StepCard.Card));
        Assert.Equal(["contribution.add", "step.close"], CardLines.Buttons(await scene.ViewOfAsync(scene.Anna, scene.StepCard)));
        Assert.Equal(["contribution.add"], CardLines.Buttons(await scene.ViewOfAsync(scene.Klaus, scene.StepCard)));
        scene.Pinboard = await scene.PostedAsync(since, Pinboard);
        Assert.Equal(BotMessage.Created, scene.Pinboard.Action);
        Assert.Equal([Pinboard, "Schritt 1 von 6: Status-Quo-Beschreibung", "Noch keine Beiträge."], CardLines.Of(scene.Pinboard.Card));
    }

    private async Task ThreeParticipantsRegisterAsync()
    {
        var afterKlaus = await scene.ClickForCardAsync(scene.Klaus, scene.Registration, "workshop.register", new JsonObject { ["group"] = "Companies" });
        Assert.Contains("Sie sind angemeldet für „Unternehmen“.", CardLines.Of(afterKlaus));
        Assert.Contains("1 von 15 Plätzen belegt.", CardLines.Of(afterKlaus));
        Assert.Contains("Unternehmen: Klaus Meier", CardLines.Of(afterKlaus));
        Assert.Equal(["workshop.register"], CardLines.Buttons(afterKlaus));

        await scene.ClickForCardAsync(scene.Sabine, scene.Registration, "workshop.register", new JsonObject { ["group"] = "PublicAdministration" });
        var afterMehmet = await scene.ClickForCardAsync(scene.Mehmet, scene.Registration, "workshop.register", new JsonObject { ["group"] = "Citizens" });

        // Mehmet sees the balance of the whole room, in the order of the groups, and still a form to register.
        Assert.Equal(
            [
                "Anmeldung zum Workshop „Verwaltung“", "Sie sind angemeldet für „Bürgerinnen und Bürger“.", "3 von 15 Plätzen belegt.", "Akteursanalyse",
                "Land, Landkreis, Stadt: Sabine Wagner", "Unternehmen: Klaus Meier", "Bürgerinnen und Bürger: Mehmet Yılmaz",
                // The Playground has no Microsoft Graph: the bot suggests no group and does not trouble participants with why.
                "Es fehlen noch: Kammern und Verbände; Hochschulen; Best-Practice-Projekte",
            ],
            CardLines.Of(afterMehmet));
        Assert.Equal(["workshop.register"], CardLines.Buttons(afterMehmet));

        // Anyone can ask for the balance in the channel; it comes without the form, and without anyone's own registration.
        var balance = await scene.SayAsync("akteure");
        Assert.Equal(CardLines.Of(afterMehmet).Where(line => !line.StartsWith("Sie sind", StringComparison.Ordinal)), CardLines.Of(balance.Card));
        Assert.Empty(CardLines.Buttons(balance.Card));
    }

    private async Task StatusQuoAsync()
    {
        await scene.ContributeAsync(scene.Klaus, new() { ["text"] = "Anträge kommen im Rathaus fast nur auf Papier an." },
            "#1  Anträge kommen im Rathaus fast nur auf Papier an.  – Klaus Meier");
        await scene.ContributeAsync(scene.Sabine, new() { ["text"] = "Viele Anträge gibt es nur auf Papier." },
            "#2  Viele Anträge gibt es nur auf Papier.  – Sabine Wagner");
        await scene.SuggestAsync("Das Bürgerportal kennt kaum jemand.", "#3  Das Bürgerportal kennt kaum jemand.  – Anna Schulz");

        var since = channel.Mark(scene.WorkshopThread);
        Assert.Equal("Erledigt: Beitrag #3 ist geändert.", (await scene.SayAsync("bearbeiten 3 Das Bürgerportal der Stadt kennt kaum jemand.")).Text);
        await scene.PinboardAsync(since, "#3  Das Bürgerportal der Stadt kennt kaum jemand.  – Anna Schulz");

        since = channel.Mark(scene.WorkshopThread);
        Assert.Equal("Erledigt: Beitrag #2 ist geändert.", (await scene.SayAsync("zusammenführen 2 in 1")).Text);
        var merged = await scene.PinboardAsync(since, "#1  Anträge kommen im Rathaus fast nur auf Papier an.  – Klaus Meier");
        Assert.DoesNotContain(CardLines.Of(merged.Card), line => line.StartsWith("#2", StringComparison.Ordinal));

        // Only moderation closes a step; Klaus is told so, and the step goes on.
        // Klaus does not see the button; a click that claims it anyway (a forged or forwarded card) is refused.
        Assert.DoesNotContain("step.close", CardLines.Buttons(await scene.ViewOfAsync(scene.Klaus, scene.StepCard)));
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.",
            await scene.ClickForToastAsync(scene.Klaus, scene.StepCard, await scene.ViewOfAsync(scene.Anna, scene.StepCard), "step.close"));

        await scene.CloseAndAdvanceAsync(1,
            [
                "Reflexion zu Schritt 1 von 6: Status-Quo-Beschreibung", "2 Beiträge in diesem Schritt, von 2 Personen.",
                "#1  Anträge kommen im Rathaus fast nur auf Papier an.", "#3  Das Bürgerportal der Stadt kennt kaum jemand.",
                "Als Nächstes: Schritt 2 – Identifikation von Problemstellungen.",
            ],
            "Schritt 2 von 6: Identifikation von Problemstellungen");
    }

    private async Task ProblemsAsync()
    {
        await scene.ContributeAsync(scene.Mehmet, new() { ["text"] = "Im Bürgerbüro gibt es kein WLAN." }, "#4  Im Bürgerbüro gibt es kein WLAN.  – Mehmet Yılmaz");
        await scene.SuggestAsync("Online-Termine gibt es nur beim Standesamt.", "#5  Online-Termine gibt es nur beim Standesamt.  – Anna Schulz");
        await scene.CloseAndAdvanceAsync(2,
            [
                "Reflexion zu Schritt 2 von 6: Identifikation von Problemstellungen", "2 Beiträge in diesem Schritt, von 2 Personen.",
                "#4  Im Bürgerbüro gibt es kein WLAN.", "#5  Online-Termine gibt es nur beim Standesamt.",
                "Als Nächstes: Schritt 3 – Best-Practice-Input.",
            ],
            "Schritt 3 von 6: Best-Practice-Input");
    }

    private async Task BestPracticeAsync()
    {
        await scene.ContributeAsync(scene.Sabine,
            new()
            {
                ["exampleName"] = "Bürger-App", ["examplePlace"] = "Ludwigslust", ["exampleLink"] = "https://buerger-app.example/",
                ["text"] = "Anträge und Termine in einer App.",
            },
            "#6  Anträge und Termine in einer App.  (Bürger-App, Ludwigslust, https://buerger-app.example/)  – Sabine Wagner");
        await scene.CloseAndAdvanceAsync(3,
            [
                "Reflexion zu Schritt 3 von 6: Best-Practice-Input", "1 Beitrag in diesem Schritt.",
                "#6  Anträge und Termine in einer App.", "Als Nächstes: Schritt 4 – Zieldefinition.",
            ],
            "Schritt 4 von 6: Zieldefinition");
    }

    private async Task GoalsAsync()
    {
        await scene.ContributeAsync(scene.Klaus,
            new() { ["text"] = "Jeder Antrag geht auch online.", ["desirable"] = "true", ["necessary"] = "true", ["feasible"] = "false" },
            "#7  Jeder Antrag geht auch online.  Bewertung: wünschenswert, notwendig  – Klaus Meier");

        // The problem #4 becomes a goal of its own; both stay linked on the pinboard.
        var since = channel.Mark(scene.WorkshopThread);
        Assert.Equal("Erledigt: Beitrag #8 ist geändert.", (await scene.SayAsync("übernehmen 4")).Text);
        await scene.PinboardAsync(since, "#4  Im Bürgerbüro gibt es kein WLAN.  übernommen als #8  – Mehmet Yılmaz",
            "#8  Im Bürgerbüro gibt es kein WLAN.  – Mehmet Yılmaz");

        await scene.CloseAndAdvanceAsync(4,
            [
                "Reflexion zu Schritt 4 von 6: Zieldefinition", "2 Beiträge in diesem Schritt, von 2 Personen.",
                "#7  Jeder Antrag geht auch online.", "#8  Im Bürgerbüro gibt es kein WLAN.", "Als Nächstes: Schritt 5 – Handlungskonzept.",
            ],
            "Schritt 5 von 6: Handlungskonzept");
    }

    private async Task ActionConceptAsync()
    {
        await scene.ContributeAsync(scene.Mehmet, new() { ["text"] = "WLAN-Zugang im Bürgerbüro einrichten", ["linkedGoals"] = "8" },
            "#9  WLAN-Zugang im Bürgerbüro einrichten  → #8  – Mehmet Yılmaz");
        await scene.CloseAndAdvanceAsync(5,
            [
                "Reflexion zu Schritt 5 von 6: Handlungskonzept", "1 Beitrag in diesem Schritt.",
                "#9  WLAN-Zugang im Bürgerbüro einrichten", "Als Nächstes: Schritt 6 – Zeit-Maßnahmen-Plan.",
            ],
            "Schritt 6 von 6: Zeit-Maßnahmen-Plan");
    }

    private async Task PlanAsync()
    {
        // The project lead takes part without registering: her role comes from the agenda.
        await scene.PlanMeasureAsync(scene.Petra, "Mehmet Yılmaz",
            new()
            {
                ["measure"] = "9", ["start"] = "2027-01-01", ["end"] = "2027-06-30",
                ["workPackageRow_0_title"] = "Router beschaffen",
                ["milestoneRow_0_date"] = "2027-03-31", ["milestoneRow_0_title"] = "Router installiert",
                ["indicatorRow_0_name"] = "Verfügbarkeit", ["indicatorRow_0_unit"] = "Prozent", ["indicatorRow_0_baseline"] = "0", ["indicatorRow_0_target"] = "99",
            },
            "Die Maßnahme „WLAN-Zugang im Bürgerbüro einrichten“ ist im Zeit-Maßnahmen-Plan (Beitrag #10).",
            "#10  Plan: WLAN-Zugang im Bürgerbüro einrichten · verantwortlich: Mehmet Yılmaz · 01.01.2027 bis 30.06.2027 · 1 Arbeitspaket, 1 Meilenstein, 1 Indikator  – Petra Hoffmann");
        await scene.SuggestAsync("Online-Antrag Wohngeld: Bürgerbüro, Start im 3. Quartal",
            "#11  Online-Antrag Wohngeld: Bürgerbüro, Start im 3. Quartal  – Anna Schulz");

        var closed = await scene.CloseAsync(6,
            [
                "Reflexion zu Schritt 6 von 6: Zeit-Maßnahmen-Plan", "2 Beiträge in diesem Schritt, von 2 Personen.",
                "#10  Plan: WLAN-Zugang im Bürgerbüro einrichten · verantwortlich: Mehmet Yılmaz · 01.01.2027 bis 30.06.2027 · 1 Arbeitspaket, 1 Meilenstein, 1 Indikator",
                "#11  Online-Antrag Wohngeld: Bürgerbüro, Start im 3. Quartal",
                "Damit ist der Workshop vollständig: der Zeit-Maßnahmen-Plan steht.",
            ]);
        Assert.Equal(["step.reopen"], CardLines.Buttons(closed));
    }

    private void ThePinboardWasOneMessageUpdatedInPlace()
    {
        var pinboards = channel.In(scene.WorkshopThread).Where(m => m.CardTitle == Pinboard).ToList();
        Assert.Single(pinboards, m => m.Action == BotMessage.Created);
        Assert.All(pinboards, m => Assert.Equal(scene.Pinboard.MessageId, m.MessageId));
        // Ten contributions, an edit, a merge, a promotion and five new steps: each one an update of the same message.
        Assert.True(pinboards.Count(m => m.Action == BotMessage.Updated) >= 18, $"only {pinboards.Count - 1} updates");

        Assert.Equal(
            [
                Pinboard,
                "Schritt 1 von 6: Status-Quo-Beschreibung",
                "#1  Anträge kommen im Rathaus fast nur auf Papier an.  – Klaus Meier",
                "#3  Das Bürgerportal der Stadt kennt kaum jemand.  – Anna Schulz",
                "Schritt 2 von 6: Identifikation von Problemstellungen",
                "#4  Im Bürgerbüro gibt es kein WLAN.  übernommen als #8  – Mehmet Yılmaz",
                "#5  Online-Termine gibt es nur beim Standesamt.  – Anna Schulz",
                "Schritt 3 von 6: Best-Practice-Input",
                "#6  Anträge und Termine in einer App.  (Bürger-App, Ludwigslust, https://buerger-app.example/)  – Sabine Wagner",
                "Schritt 4 von 6: Zieldefinition",
                "#7  Jeder Antrag geht auch online.  Bewertung: wünschenswert, notwendig  – Klaus Meier",
                "#8  Im Bürgerbüro gibt es kein WLAN.  – Mehmet Yılmaz",
                "Schritt 5 von 6: Handlungskonzept",
                "#9  WLAN-Zugang im Bürgerbüro einrichten  → #8  – Mehmet Yılmaz",
                "Schritt 6 von 6: Zeit-Maßnahmen-Plan",
                "#10  Plan: WLAN-Zugang im Bürgerbüro einrichten · verantwortlich: Mehmet Yılmaz · 01.01.2027 bis 30.06.2027 · 1 Arbeitspaket, 1 Meilenstein, 1 Indikator  – Petra Hoffmann",
                "#11  Online-Antrag Wohngeld: Bürgerbüro, Start im 3. Quartal  – Anna Schulz",
            ],
            CardLines.Of(pinboards[^1].Card));
    }
}
