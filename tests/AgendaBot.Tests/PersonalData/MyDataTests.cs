using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Features.Privacy;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Voting;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.PersonalData;

/// <summary>
/// "meine daten" in words a committee member reads without help, with the complete file to download, and
/// "daten löschen" that says what will happen before anything does.
/// </summary>
public sealed partial class MyDataTests
{
    [Fact]
    public async Task My_data_card_reads_in_words_without_storage_names()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        var workshop = await VotingRoom.PrepareAsync(room);
        await room.ContributeAsync(Anna, workshop, 1, "Öffnungszeiten für Bürger digital anzeigen");
        var round = await VotingRoom.StartAsync(room, workshop, anonymous: "true");
        await VotingRoom.StarsAsync(room, Anna, workshop, round, (1, 5), (2, 3), (3, 4));

        await room.SayPersonallyAsync(Anna, "meine daten");

        var card = MyDataCardOf(room, Anna);
        var text = string.Join("\n", Texts(card));
        Assert.Contains("Ihre Anmeldungen", text, StringComparison.Ordinal);
        Assert.Contains("Workshop „Verwaltung“, Gruppe „Hochschulen“", text, StringComparison.Ordinal);
        Assert.Contains("Ihre Beiträge", text, StringComparison.Ordinal);
        Assert.Contains("„Öffnungszeiten für Bürger digital anzeigen“", text, StringComparison.Ordinal);
        Assert.Contains("Workshop „Verwaltung“, Schritt 1 · 15.04.2027, 14:30", text, StringComparison.Ordinal);
        Assert.Contains("Sie haben in der geheimen Abstimmung vom 15.04.2027 im Workshop „Verwaltung“ abgestimmt.", text, StringComparison.Ordinal);
        Assert.Contains("Alle Daten herunterladen", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(StorageWords(), text);
    }

    [Fact]
    public async Task A_long_group_shows_the_newest_and_counts_the_rest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero));
        await using var room = await WorkshopRoom.OpenAsync(time: clock);
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        for (var i = 1; i <= 15; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await room.ContributeAsync(Anna, workshop, 1, $"Idee {i}");
        }

        await room.SayPersonallyAsync(Anna, "meine daten");

        var text = string.Join("\n", Texts(MyDataCardOf(room, Anna)));
        Assert.Contains("„Idee 15“", text, StringComparison.Ordinal);
        Assert.DoesNotContain("„Idee 12“", text, StringComparison.Ordinal);
        Assert.Contains("… und 12 weitere Einträge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_data_card_speaks_English_to_English_speakers()
    {
        await using var room = await WorkshopRoom.OpenAsync(locale: "en-US", time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Companies");

        await room.SayPersonallyAsync(Anna, "my data");

        var text = string.Join("\n", Texts(MyDataCardOf(room, Anna)));
        Assert.Contains("Your registrations", text, StringComparison.Ordinal);
        Assert.Contains("Download all data", MyDataCardOf(room, Anna).ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotMatch(StorageWords(), text);
    }

    [Fact]
    public async Task My_data_download_link_gives_only_my_rows_and_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero));
        await using var room = await WorkshopRoom.OpenAsync(time: clock);
        var workshop = await VotingRoom.PrepareAsync(room);
        await room.ContributeAsync(Anna, workshop, 1, "Öffnungszeiten für Bürger digital anzeigen");

        await room.SayPersonallyAsync(Anna, "meine daten");

        var link = DownloadLink(MyDataCardOf(room, Anna));
        var response = await room.Bot.Http.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var file = Encoding.UTF8.GetString(bytes);
        Assert.Contains("Öffnungszeiten für Bürger digital anzeigen", file, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", file, StringComparison.Ordinal);
        Assert.Contains(Anna.AadObjectId, file, StringComparison.Ordinal);
        foreach (var other in new[] { Klaus, Sabine, Lead })
        {
            Assert.DoesNotContain(other.Name, file, StringComparison.Ordinal);
            Assert.DoesNotContain(other.AadObjectId, file, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("WLAN im Rathaus", file, StringComparison.Ordinal);
        // Lists the bot keeps as JSON text read as JSON, not as escaped strings.
        var contributions = JsonNode.Parse(file)!.AsObject().Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a)
            .Where(row => row?["LinkedGoals"] is not null).ToList();
        Assert.NotEmpty(contributions);
        Assert.All(contributions, row => Assert.IsType<JsonArray>(row!["LinkedGoals"]));

        Assert.Equal(HttpStatusCode.NotFound, (await room.Bot.Http.GetAsync($"exports/{Guessed(link)}")).StatusCode);

        clock.Advance(MyDataDownload.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await room.Bot.Http.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Erase_preview_warns_a_measure_owner()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        var workshop = await VotingRoom.PrepareAsync(room);
        await room.ContributeAsync(Anna, workshop, 1, "Terminvergabe online");
        await room.ContributeAsync(Anna, workshop, 1, "Formulare digital");
        var measures = room.Bot.Services.GetRequiredService<MeasureRepository>();
        var anna = new TeamsUser(Anna.AadObjectId, Anna.Name);
        foreach (var (id, title) in new[] { ("m-termine", "Online-Terminvergabe"), ("m-formulare", "Digitale Formulare") })
        {
            await measures.CreateAsync(new TenantScope(room.TenantId), new Measure { Id = id, AgendaId = room.TeamId, Title = title, Owner = anna },
                new TeamsUser(Lead.AadObjectId, Lead.Name), DateTimeOffset.UtcNow);
        }

        await room.SayPersonallyAsync(Anna, "daten löschen");

        var card = LastCardIn(room, Anna);
        var text = string.Join("\n", Texts(card));
        Assert.Contains("Achtung: Sie sind verantwortlich für 2 Maßnahmen. Nach dem Löschen stehen sie ohne verantwortliche Person im Plan", text,
            StringComparison.Ordinal);
        Assert.Contains("1 Anmeldung wird gelöscht, Ihr Platz im Workshop wird frei.", text, StringComparison.Ordinal);
        Assert.Contains("3 Beiträge bleiben für die Ergebnisse der Gruppe erhalten, aber ohne Ihren Namen.", text, StringComparison.Ordinal);
        Assert.Equal(["Daten löschen", "Abbrechen"], card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Erase_preview_warns_the_project_lead()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        await room.SetUpWorkshopAsync();

        await room.SayPersonallyAsync(Lead, "daten löschen");

        Assert.Contains("Achtung: Sie leiten die Agenda „Digitale Agenda Hagenow“. Sie bleibt bestehen, aber ohne Projektleitung",
            string.Join("\n", Texts(LastCardIn(room, Lead))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_erases_nothing()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.ContributeAsync(Anna, workshop, 1, "Terminvergabe online");
        await room.SayPersonallyAsync(Anna, "daten löschen");

        var answer = await room.ClickPersonallyAsync(Anna, "personalData.eraseCancel");

        Assert.Equal("Nichts gelöscht.", string.Join("\n", Texts(answer["value"])));
        await room.SayPersonallyAsync(Anna, "meine daten");
        Assert.Contains("„Terminvergabe online“", string.Join("\n", Texts(MyDataCardOf(room, Anna))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirm_click_delivered_twice_erases_once_and_says_so()
    {
        await using var room = await WorkshopRoom.OpenAsync(time: new FakeTimeProvider(new DateTimeOffset(2027, 4, 15, 12, 30, 0, TimeSpan.Zero)));
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.SayPersonallyAsync(Anna, "daten löschen");
        var click = room.PersonalActivity(Anna, "invoke");
        click["id"] = "click-erase-1";

        var answers = await Task.WhenAll(EraseAsync(room, click), EraseAsync(room, click));

        var said = answers.Select(a => string.Join("\n", Texts(a["value"]))).Order(StringComparer.Ordinal).ToList();
        Assert.StartsWith("Erledigt: ", said[0], StringComparison.Ordinal);
        Assert.Equal("Ihre Daten sind bereits gelöscht; es war nichts mehr zu löschen.", said[1]);
        Assert.All(answers, a => Assert.Null(a["value"]?["actions"]));
    }

    private static async Task<JsonObject> EraseAsync(WorkshopRoom room, JsonObject click)
    {
        var activity = click.DeepClone().AsObject();
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "personalData.erase", ["data"] = new JsonObject() } };
        var response = await room.Bot.Http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static JsonNode LastCardIn(WorkshopRoom room, Person person) =>
        room.Connector.Calls.Last(c => c.Card is not null && Uri.UnescapeDataString(c.Path).Contains(PersonalChatOf(person), StringComparison.Ordinal)).Card!;

    private static JsonNode MyDataCardOf(WorkshopRoom room, Person person)
    {
        var card = LastCardIn(room, person);
        Assert.Contains(card["body"]![0]!["text"]!.GetValue<string>(), new[] { "Ihre gespeicherten Daten", "Your stored data" });
        return card;
    }

    private static string DownloadLink(JsonNode card) =>
        card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();

    // Another token of the same form: one character changed.
    private static string Guessed(string link)
    {
        var token = link[(link.LastIndexOf('/') + 1)..];
        return (token[0] == 'A' ? 'B' : 'A') + token[1..];
    }

    [GeneratedRegex(@"RowKey|PartitionKey|etag|ETag|Timestamp|\\u00|[{}\[\]]|Workshops|Outbox|Conversations|PersonId|Einträge\)|\bp\||c\|0")]
    private static partial Regex StorageWords();
}
