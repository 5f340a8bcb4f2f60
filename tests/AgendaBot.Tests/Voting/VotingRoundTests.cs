using System.Text.Json.Nodes;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>A moderator starts a round, three participants vote, the turnout updates, the moderator closes it.</summary>
public sealed class VotingRoundTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await PrepareAsync(room);
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static string? Toast(JsonObject answer) => answer["value"] is JsonValue value ? value.GetValue<string>() : null;

    [Fact]
    public async Task A_moderator_asking_for_a_vote_gets_the_set_up_card_with_all_items_of_the_step()
    {
        await room.SayAsync(Lead, "abstimmung");

        var card = room.Connector.Calls[^1].Card;
        Assert.Equal("vote.start", card?["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Contains(Elements(card), e => e["id"]?.GetValue<string>() == "items" && e["value"]?.GetValue<string>() == "1,2,3");
    }

    [Fact]
    public async Task A_participant_cannot_start_a_vote()
    {
        await room.SayAsync(Anna, "abstimmung");

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", room.Connector.Calls[^1].Text);
    }

    [Fact]
    public async Task Starting_posts_the_ballot_with_the_turnout_at_zero()
    {
        await StartAsync(room, workshop);

        Assert.Contains("0 von 3 haben abgestimmt.", Texts(BallotCard(room)));
    }

    [Fact]
    public async Task A_vote_is_confirmed_to_the_voter_and_the_turnout_goes_up_for_everyone()
    {
        var round = await StartAsync(room, workshop);

        var mine = await StarsAsync(room, Anna, workshop, round, (1, 5), (2, 3));

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(mine["value"]));
        Assert.Contains(Elements(mine["value"]), e => e["id"]?.GetValue<string>() == "s_1_0" && e["value"]?.GetValue<string>() == "5");
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(BallotCard(room)));
        Assert.Equal("PUT", room.Connector.Calls.Last(c => Texts(c.Card).Contains("1 von 3 haben abgestimmt.")).Method);
    }

    [Fact]
    public async Task The_same_click_twice_counts_once()
    {
        var round = await StartAsync(room, workshop);

        await StarsAsync(room, Anna, workshop, round, (1, 4));
        var again = await StarsAsync(room, Anna, workshop, round, (1, 4));

        Assert.Contains("1 von 3 haben abgestimmt.", Texts(again["value"]));
    }

    [Fact]
    public async Task A_changed_vote_replaces_the_earlier_one()
    {
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 1));

        var changed = await StarsAsync(room, Anna, workshop, round, (1, 5));
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(changed["value"]));
        Assert.Contains("Ø 5,0 Sterne · 1 Stimme · Streuung 0,0", Texts(Results(room)));
    }

    [Fact]
    public async Task A_late_redelivery_of_an_earlier_click_does_not_undo_the_change()
    {
        var round = await StartAsync(room, workshop);
        JsonObject Stars(int value) => new() { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = $"{value}" };

        await room.ClickAsync(Anna, "vote.cast", Stars(1), activityId: "click-x");
        await room.ClickAsync(Anna, "vote.cast", Stars(5), activityId: "click-y");
        var redelivered = await room.ClickAsync(Anna, "vote.cast", Stars(1), activityId: "click-x");
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(redelivered["value"]));
        Assert.Contains("Ø 5,0 Sterne · 1 Stimme · Streuung 0,0", Texts(Results(room)));
    }

    [Fact]
    public async Task The_same_click_delivered_again_is_not_called_a_change()
    {
        var round = await StartAsync(room, workshop);
        var click = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = "4" };

        await room.ClickAsync(Anna, "vote.cast", click, activityId: "click-1");
        var again = await room.ClickAsync(Anna, "vote.cast", (JsonObject)click.DeepClone(), activityId: "click-1");

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(again["value"]));
        Assert.DoesNotContain("Ihre geänderte Stimme ist gezählt.", Texts(again["value"]));
        Assert.Contains("1 von 3 haben abgestimmt.", Texts(again["value"]));
    }

    [Fact]
    public async Task Someone_not_registered_cannot_vote()
    {
        var round = await StartAsync(room, workshop);

        var answer = await StarsAsync(room, new Person("Jürgen Becker", "29:juergen", "aad-juergen"), workshop, round, (1, 5));

        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(answer));
    }

    [Theory]
    [InlineData("s_1_0", "6", "Für #1 sind 1 bis 5 Sterne möglich, nicht 6.")]
    [InlineData("s_1_0", "0", "Für #1 sind 1 bis 5 Sterne möglich, nicht 0.")]
    [InlineData("s_99_0", "3", "Der Eintrag #99 steht in dieser Abstimmung nicht zur Wahl. Es wurde nichts gespeichert.")]
    [InlineData("s_1_7", "3", "Diese Stimmabgabe passt nicht zur Abstimmung. Es wurde nichts gespeichert.")]
    [InlineData("s_1_0", "viele", "Für #1 ist nur eine ganze Zahl möglich, etwa 2.")]
    public async Task A_tampered_ballot_is_refused_with_what_is_wrong_and_not_counted(string input, string value, string refusal)
    {
        var round = await StartAsync(room, workshop);

        var answer = await room.ClickAsync(Anna, "vote.cast", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round, [input] = value });

        Assert.Equal(refusal, Toast(answer));
        Assert.Contains("0 von 3 haben abgestimmt.", Texts(BallotCard(room)));
    }

    [Fact]
    public async Task A_participant_cannot_close_the_vote()
    {
        var round = await StartAsync(room, workshop);

        var answer = await room.ClickAsync(Anna, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", Toast(answer));
        Assert.Null(Results(room));
    }

    [Fact]
    public async Task Closing_posts_the_ranking_and_writes_it_to_the_pinboard_as_priority()
    {
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 2), (2, 5), (3, 4));
        await StarsAsync(room, Klaus, workshop, round, (1, 3), (2, 5), (3, 4));
        await StarsAsync(room, Sabine, workshop, round, (1, 1), (2, 4), (3, 4));

        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        var results = Texts(Results(room)).ToList();
        Assert.Contains("3 Stimmen abgegeben.", results);
        Assert.True(results.IndexOf("WLAN im Rathaus") < results.IndexOf("Digitale Sprechstunde"));
        Assert.True(results.IndexOf("Digitale Sprechstunde") < results.IndexOf("Bürgerportal modernisieren"));
        Assert.Contains("Die Abstimmung ist beendet.", Texts(BallotCard(room)));
        Assert.Contains("Priorität 1", await room.PinboardTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_post_shows_the_ranking_as_a_chart_the_bot_serves()
    {
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 2), (2, 5));

        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        var image = Elements(Results(room)).Single(e => e["type"]?.GetValue<string>() == "Image");
        // The picture says its result in words too, for screen readers and clients that do not load it.
        Assert.StartsWith("Rangfolge als Balkendiagramm – Platz 1: #2 WLAN im Rathaus, Ø 5,0 Sterne; Platz 2: #1 Bürgerportal modernisieren, Ø 2,0 Sterne",
            image["altText"]?.GetValue<string>(), StringComparison.Ordinal);
        var url = image["url"]!.GetValue<string>();
        var picture = url.StartsWith("data:", StringComparison.Ordinal) ? null : await room.Bot.Http.GetAsync(new Uri(url));
        Assert.True(picture is null || picture.Content.Headers.ContentType?.MediaType == "image/png");
        Assert.True(url.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || url.Contains("/images/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_vote_after_the_close_is_refused()
    {
        var round = await StartAsync(room, workshop);
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        var late = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Equal("Diese Abstimmung ist bereits beendet.", Toast(late));
    }

    [Fact]
    public async Task Two_moderators_closing_at_once_post_one_result()
    {
        var round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 5));

        var answers = await Task.WhenAll(
            room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round }),
            room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round }));

        Assert.Single(room.Connector.Calls, c => Texts(c.Card).Any(t => t.StartsWith("Ergebnis:", StringComparison.Ordinal)));
        Assert.Single(answers, a => Toast(a) == "Diese Abstimmung ist bereits beendet.");
    }

    [Fact]
    public async Task Six_dots_of_five_says_so()
    {
        var round = await StartAsync(room, workshop, method: "dots");

        var answer = await PointsAsync(room, Anna, workshop, round, (1, 3), (2, 3));

        Assert.Equal("Sie haben 6 von 5 Punkten vergeben. Bitte verteilen Sie höchstens 5.", Toast(answer));
        Assert.Contains("0 von 3 haben abgestimmt.", Texts(BallotCard(room)));
    }

    [Fact]
    public async Task Four_dots_on_one_item_of_three_allowed_says_so()
    {
        var round = await StartAsync(room, workshop, method: "dots");

        var answer = await PointsAsync(room, Anna, workshop, round, (2, 4));

        Assert.Equal("Auf #2 haben Sie 4 Punkte verteilt; je Eintrag sind höchstens 3 erlaubt.", Toast(answer));
        Assert.Contains("0 von 3 haben abgestimmt.", Texts(BallotCard(room)));
    }

    [Fact]
    public async Task Dot_voting_ranks_by_points()
    {
        var round = await StartAsync(room, workshop, method: "dots");
        await PointsAsync(room, Anna, workshop, round, (3, 3), (1, 2));
        await PointsAsync(room, Klaus, workshop, round, (3, 2));

        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        var results = Texts(Results(room)).ToList();
        Assert.Contains("5 Punkte von 2 Personen · Streuung 0,5", results);
        Assert.True(results.IndexOf("Digitale Sprechstunde") < results.IndexOf("Bürgerportal modernisieren"));
    }

    [Fact]
    public async Task In_a_secret_ballot_a_second_vote_does_not_count_and_nobody_can_see_who_voted_what()
    {
        var round = await StartAsync(room, workshop, anonymous: "true");
        await StarsAsync(room, Anna, workshop, round, (1, 5));

        var second = await StarsAsync(room, Anna, workshop, round, (1, 1));
        await room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });
        var details = await room.ClickAsync(Lead, "vote.details", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        Assert.Contains("Sie haben in dieser geheimen Abstimmung schon abgestimmt; Ihre erste Stimme zählt.", Texts(second["value"]));
        Assert.Contains("Ø 5,0 Sterne · 1 Stimme · Streuung 0,0", Texts(Results(room)));
        Assert.Equal("Diese Abstimmung war geheim: Es gibt keine Zuordnung von Personen zu Stimmen.", Toast(details));
    }

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Elements(p.Value))],
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };
}
