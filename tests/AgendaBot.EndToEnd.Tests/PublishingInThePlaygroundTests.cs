using System.Net;
using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// The project lead publishes the agenda from the Playground: the preview says what becomes public, the click
/// publishes it, and the page it links to opens on loopback with the agenda — as a browser would fetch it.
/// </summary>
public sealed class PublishingInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private readonly ChannelTranscript channel = new(teams);

    [Fact]
    public async Task The_lead_publishes_after_the_preview_and_the_page_opens()
    {
        var scene = await WorkshopScene.OpenAsync(teams, channel);
        // Anna is the Playground's current user, so here she sets up the agenda and leads it.
        var setUp = await scene.SayAsync("agenda");
        await scene.ClickForCardAsync(scene.Anna, setUp, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität", ["statusHere"] = "true",
        });

        var preview = await scene.SayAsync("veröffentlichen");
        Assert.Equal("Veröffentlichen: Digitale Agenda Hagenow", CardLines.Of(preview.Card)[0]);
        Assert.Contains("Das wird öffentlich im Internet sichtbar, für alle ohne Anmeldung.", CardLines.Of(preview.Card));
        Assert.Equal(["agenda.publish", "agenda.publish.cancel"], CardLines.Buttons(preview.Card));

        var published = await scene.ClickForCardAsync(scene.Anna, preview, "agenda.publish");

        Assert.StartsWith("Veröffentlicht: Fassung vom ", CardLines.Of(published)[0], StringComparison.Ordinal);
        var url = new Uri(published["actions"]![0]!["url"]!.GetValue<string>());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), url.ToString());
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(url);
        Assert.Contains("<h1>Digitale Agenda Hagenow</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Tourismus/Mobilität</li>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(url, url.AbsolutePath + "/plan.csv"))).StatusCode);
    }
}
