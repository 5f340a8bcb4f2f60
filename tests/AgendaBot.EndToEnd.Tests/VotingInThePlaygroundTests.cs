using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// A voting round in the Playground's channel: Anna (the moderator, the Playground's typing user) starts it, Klaus,
/// Sabine and Mehmet vote by clicking, everyone sees the turnout go up on the same ballot message, Anna ends it and
/// the results post with its chart appears — in German.
/// </summary>
public sealed class VotingInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private readonly ChannelTranscript channel = new(teams);

    [Fact]
    public async Task Three_participants_vote_the_turnout_updates_and_the_results_post_shows_the_chart()
    {
        var scene = await WorkshopScene.OpenAsync(teams, channel);
        await PrepareAsync(scene);

        var setUp = await scene.SayAsync("abstimmung");
        Assert.Equal("Abstimmung starten", setUp.CardTitle);
        var voteThread = setUp.ConversationId;
        var since = channel.Mark(voteThread);
        await scene.ClickForCardAsync(scene.Anna, setUp, "vote.start", new JsonObject
        {
            ["items"] = "1,2,3", ["method"] = "stars", ["criteria"] = "Bewertung", ["anonymous"] = "false",
        });
        var ballot = await channel.WaitForAsync(voteThread, since,
            m => m.Action == BotMessage.Created && m.CardTitle == "Abstimmung: Status-Quo-Beschreibung", "the ballot");
        Assert.Contains("0 von 3 haben abgestimmt.", CardLines.Of(ballot.Card));

        var votes = new[] { (scene.Klaus, 5, 2), (scene.Sabine, 4, 3), (scene.Mehmet, 5, 1) };
        for (var i = 0; i < votes.Length; i++)
        {
            var (who, first, second) = votes[i];
            since = channel.Mark(voteThread);
            var mine = await scene.ClickForCardAsync(who, ballot, "vote.cast", new JsonObject { ["s_1_0"] = $"{first}", ["s_2_0"] = $"{second}" });
            Assert.Contains("Ihre Stimme ist gezählt.", CardLines.Of(mine));
            var turnout = $"{i + 1} von 3 haben abgestimmt.";
            await channel.WaitForAsync(voteThread, since,
                m => m.Action == BotMessage.Updated && m.MessageId == ballot.MessageId && CardLines.Of(m.Card).Contains(turnout), turnout);
        }

        since = channel.Mark(voteThread);
        // "Abstimmung beenden" is in Anna's own view of the ballot only; the others see the ballot without it.
        Assert.DoesNotContain("vote.close", CardLines.Buttons(ballot.Card));
        var ended = await scene.ClickForCardAsync(scene.Anna, ballot, await scene.ViewOfAsync(scene.Anna, ballot), "vote.close");
        Assert.Contains("Die Abstimmung ist beendet.", CardLines.Of(ended));
        var results = await channel.WaitForAsync(voteThread, since,
            m => m.Action == BotMessage.Created && m.CardTitle == "Ergebnis: Status-Quo-Beschreibung", "the results post");

        var lines = CardLines.Of(results.Card);
        Assert.Contains("3 Stimmen abgegeben.", lines);
        Assert.Contains("Ø 4,7 Sterne · 3 Stimmen · Streuung 0,5", lines);
        var chart = results.Card!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Image")!;
        // The picture states its result in words, for screen readers and clients that do not load it.
        var alt = chart["altText"]?.GetValue<string>() ?? string.Empty;
        Assert.StartsWith("Rangfolge als Balkendiagramm – Platz 1: #1 ", alt, StringComparison.Ordinal);
        Assert.Contains(", Ø 4,7 Sterne; Platz 2: #2 ", alt, StringComparison.Ordinal);
        var url = chart["url"]!.GetValue<string>();
        if (!url.StartsWith("data:image/png;base64,", StringComparison.Ordinal))
        {
            using var picture = await teams.BotHttp.GetAsync(new Uri(url));
            Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task PrepareAsync(WorkshopScene scene)
    {
        var setUp = await scene.SayAsync("agenda");
        await scene.ClickForCardAsync(scene.Petra, setUp, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true",
        });
        var offer = await scene.SayAsync("workshop");
        scene.WorkshopThread = offer.ConversationId;
        var since = scene.Mark();
        await scene.ClickForCardAsync(scene.Anna, offer, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        scene.Registration = await scene.PostedAsync(since, "Anmeldung zum Workshop „Verwaltung“");
        scene.StepCard = await scene.StepCardAsync(since, "Schritt 1 von 6: Status-Quo-Beschreibung");
        scene.Pinboard = await scene.PostedAsync(since, "Pinnwand: Verwaltung");
        foreach (var (who, group) in new[] { (scene.Klaus, "Companies"), (scene.Sabine, "PublicAdministration"), (scene.Mehmet, "Citizens") })
        {
            await scene.ClickForCardAsync(who, scene.Registration, "workshop.register", new JsonObject { ["group"] = group });
        }

        await scene.ContributeAsync(scene.Klaus, new() { ["text"] = "Anträge gibt es nur auf Papier." }, "#1  Anträge gibt es nur auf Papier.  – Klaus Meier");
        await scene.ContributeAsync(scene.Sabine, new() { ["text"] = "Das Bürgerportal kennt kaum jemand." }, "#2  Das Bürgerportal kennt kaum jemand.  – Sabine Wagner");
        await scene.ContributeAsync(scene.Mehmet, new() { ["text"] = "Im Bürgerbüro gibt es kein WLAN." }, "#3  Im Bürgerbüro gibt es kein WLAN.  – Mehmet Yılmaz");
    }
}
