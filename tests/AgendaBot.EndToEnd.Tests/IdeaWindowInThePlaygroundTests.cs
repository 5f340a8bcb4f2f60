using System.Net;
using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// The citizens' door, end to end: the lead publishes from the Playground, a citizen sends an idea through the page's
/// idea window on loopback, the moderation card arrives in the agenda's channel, the lead takes it into the workshop,
/// and it appears on the pinboard and on the page as taken up. A class of its own: the agenda is the team's, once.
/// </summary>
public sealed class IdeaWindowInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private readonly ChannelTranscript channel = new(teams);

    [Fact]
    public async Task A_citizens_idea_from_the_page_reaches_the_channel_is_taken_in_and_shows_as_taken_up()
    {
        var scene = await WorkshopScene.OpenAsync(teams, channel);
        var setUp = await scene.SayAsync("agenda");
        await scene.ClickForCardAsync(scene.Anna, setUp, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität", ["statusHere"] = "true",
        });
        var offer = await scene.SayAsync("workshop");
        scene.WorkshopThread = offer.ConversationId;
        var since = channel.Mark(scene.WorkshopThread);
        await scene.ClickForCardAsync(scene.Anna, offer, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });
        scene.Pinboard = await scene.PostedAsync(since, "Pinnwand: Verwaltung");
        var preview = await scene.SayAsync("veröffentlichen");
        var url = new Uri((await scene.ClickForCardAsync(scene.Anna, preview, "agenda.publish"))["actions"]![0]!["url"]!.GetValue<string>());

        // A citizen opens the page in a browser, follows "Eine Idee einbringen" and sends the form.
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        Assert.Contains("Eine Idee einbringen", await browser.GetStringAsync(url), StringComparison.Ordinal);
        var form = await browser.GetStringAsync(new Uri(url, url.AbsolutePath + "/ideen"));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"form-token\" value=\"([^\"]+)\"").Groups[1].Value;
        var inChannel = channel.Mark(scene.Channel);
        var sent = await browser.PostAsync(new Uri(url, url.AbsolutePath + "/ideen"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["form-token"] = token, ["feld"] = "Verwaltung", ["idee"] = "Sitzungsunterlagen des Rats online lesen", ["stadtteil"] = "",
            ["einverstanden"] = "yes", ["website"] = "",
        }));
        Assert.Contains("Danke für Ihre Idee", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var card = await channel.WaitForAsync(scene.Channel, inChannel, m => m.CardTitle == "Neue Idee aus der Bürgerschaft", "the moderation card");
        Assert.Contains("Sitzungsunterlagen des Rats online lesen", CardLines.Of(card.Card));
        Assert.Equal(["citizenidea.accept", "citizenidea.reject"], CardLines.Buttons(card.Card));
        var pinboardSince = channel.Mark(scene.WorkshopThread);
        var workshop = card.Card!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Input.ChoiceSet")!["value"]!.GetValue<string>();
        // A post to the channel starts a thread: a click on it comes from that thread, as in Teams.
        var post = card with { ConversationId = $"{card.ConversationId};messageid={card.MessageId}" };
        var accepted = await scene.ClickForCardAsync(scene.Anna, post, "citizenidea.accept", new JsonObject { ["workshop"] = workshop });

        Assert.StartsWith("Übernommen von Anna Schulz in den Workshop „Verwaltung“, Schritt 1", CardLines.Of(accepted)[^1], StringComparison.Ordinal);
        await scene.PinboardAsync(pinboardSince, "#1  Sitzungsunterlagen des Rats online lesen  – Idee aus der Bürgerschaft");
        var page = await browser.GetStringAsync(url);
        Assert.Contains("„Sitzungsunterlagen des Rats online lesen“ – Handlungsfeld Verwaltung, aufgenommen am", page, StringComparison.Ordinal);
    }
}
