using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgendaBot.Testing;
using AgendaBot.Tests.Graph;
using AgendaBot.Tests.Workshops;
using DocumentFormat.OpenXml.Packaging;
using static AgendaBot.Tests.Export.ExportRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>"In Kanaldateien veröffentlichen" on the export card: the Word document goes into the channel's files via Graph.</summary>
public sealed partial class PublishToChannelFilesTests
{
    private const string PublishTitle = "In Kanaldateien veröffentlichen";

    [Fact]
    public async Task Project_lead_publishes_the_agenda_into_the_channel_files()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        var button = await ExportWithPublishButtonAsync(room);

        var answer = await ClickAsync(room, Lead, button);

        var upload = Assert.Single(graph.Requests, r => r.Method == "PUT");
        var fileName = Uri.UnescapeDataString(UploadedName().Match(upload.Path).Groups[1].Value);
        Assert.Matches(@"^Digitale-Agenda-Hagenow-\d{4}-\d{2}-\d{2}\.docx$", fileName);
        var bytes = graph.UploadedFile(room.TeamAadGroupId, room.ChannelId, fileName) ?? throw new Xunit.Sdk.XunitException("Nothing arrived in the channel's folder.");
        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Digitale Agenda Hagenow", text, StringComparison.Ordinal);
            Assert.Contains(MeasureTitle, text, StringComparison.Ordinal);
        }

        Assert.Equal($"Die Agenda liegt jetzt in den Dateien dieses Kanals: {fileName}", answer["value"]!.GetValue<string>());
        var published = room.Connector.Calls.Select(c => c.Card).Last(c => c is not null)!;
        Assert.Contains($"Die Agenda liegt jetzt in den Dateien dieses Kanals: {fileName}", Texts(published));
        var open = Assert.Single(published["actions"]!.AsArray());
        Assert.Equal("Dokument öffnen", open!["title"]!.GetValue<string>());
        Assert.Equal(LocalGraphServer.WebUrlOf(room.TeamAadGroupId, fileName), open["url"]!.GetValue<string>());
        Assert.All(graph.Requests, r => Assert.Equal("Bearer graph-token", r.Authorization));
    }

    [Fact]
    public async Task Participant_cannot_publish()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        var button = await ExportWithPublishButtonAsync(room);
        var callsBefore = room.Connector.Calls.Count;

        var answer = await ClickAsync(room, Anna, button);

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", answer["value"]!.GetValue<string>());
        Assert.Empty(graph.Requests);
        Assert.Equal(callsBefore, room.Connector.Calls.Count);
    }

    [Fact]
    public async Task Without_Graph_publishing_says_it_needs_Graph()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var button = await ExportWithPublishButtonAsync(room);
        var card = ExportCard(room)!;
        var callsBefore = room.Connector.Calls.Count;

        var answer = await ClickAsync(room, Lead, button);

        Assert.StartsWith("Zum Veröffentlichen in den Kanaldateien braucht der Bot Microsoft Graph", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(callsBefore, room.Connector.Calls.Count);
        Assert.Equal(200, (await DownloadAsync(room, Link(card, "Dokument (Word)")!)).Status);
    }

    [Fact]
    public async Task Graph_throttling_beyond_its_retries_asks_to_try_later()
    {
        await using var graph = await LocalGraphServer.StartAsync();
        await using var room = await GraphRoom.OpenAsync(graph, new FixedTokenCredential("graph-token"));
        var button = await ExportWithPublishButtonAsync(room);
        graph.ThrottleNext(10, 0);

        var answer = await ClickAsync(room, Lead, button);

        Assert.Equal("Das Dokument konnte gerade nicht in den Kanaldateien veröffentlicht werden. Bitte versuchen Sie es später noch einmal.",
            answer["value"]!.GetValue<string>());
        // The first try and the SDK's three retries, each refused.
        Assert.Equal([429, 429, 429, 429], graph.Requests.Select(r => r.Status));
        Assert.DoesNotContain(graph.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task Export_from_the_personal_chat_offers_no_publishing()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);

        await ExportRoom.ExportAsync(room, Lead, inPersonalChat: true);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        Assert.Null(PublishButtonOrNull(card));
    }

    /// <summary>The workshop goes through all steps, the project lead exports in its channel; the card's publish button.</summary>
    private static async Task<JsonNode> ExportWithPublishButtonAsync(WorkshopRoom room)
    {
        await PrepareAsync(room);
        await ExportRoom.ExportAsync(room, Lead);
        return PublishButtonOrNull(ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent."))
            ?? throw new Xunit.Sdk.XunitException("The export card offers no publishing.");
    }

    private static Task<JsonObject> ClickAsync(WorkshopRoom room, Person person, JsonNode button) =>
        room.ClickAsync(person, button["verb"]!.GetValue<string>(), button["data"]!.DeepClone().AsObject());

    private static JsonNode? PublishButtonOrNull(JsonNode card) =>
        card["actions"]!.AsArray().FirstOrDefault(a => a?["title"]?.GetValue<string>() == PublishTitle && a["type"]!.GetValue<string>() == "Action.Execute");

    [GeneratedRegex(":/(.+):/content$")]
    private static partial Regex UploadedName();
}
