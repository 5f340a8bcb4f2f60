using AgendaBot.Tests.Workshops;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static AgendaBot.Tests.Export.ExportRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>"exportieren": the agenda as a Word document, with the goals, the plan and its timeline picture.</summary>
public sealed class DocumentExportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    [Fact]
    public async Task Project_lead_exports_the_agenda_as_a_document_with_the_timeline()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);

        await ExportAsync(room, Lead);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        var download = await DownloadAsync(room, Link(card, "Dokument (Word)")!);
        Assert.Equal(200, download.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.ContentType);
        Assert.Equal("attachment", download.Disposition?.DispositionType);
        Assert.Matches(@"^Digitale-Agenda-Hagenow-\d{4}-\d{2}-\d{2}\.docx$", download.Disposition?.FileNameStar);
        Assert.Contains("no-store", download.CacheControl, StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(new MemoryStream(download.Bytes), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}");
        Assert.Empty(errors);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Digitale Agenda Hagenow", text, StringComparison.Ordinal);
        Assert.Contains("Ziele", text, StringComparison.Ordinal);
        Assert.Contains(Goal, text, StringComparison.Ordinal);
        Assert.Contains(MeasureTitle, text, StringComparison.Ordinal);
        Assert.Contains("Anna Schulz", text, StringComparison.Ordinal);
        Assert.Contains("15.01.2027 – 31.12.2027", text, StringComparison.Ordinal);
        Assert.Contains("Online gebuchte Termine: Ausgangswert 0 Prozent, Ziel 60 Prozent", text, StringComparison.Ordinal);
        Assert.Contains("Für den nächsten Haushalt angemeldet", text, StringComparison.Ordinal);
        // The timeline and the evaluation's picture.
        Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
        foreach (var image in document.MainDocumentPart.ImageParts)
        {
            using var png = image.GetStream();
            var head = new byte[4];
            png.ReadExactly(head);
            Assert.Equal(PngSignature, head);
        }

        // The plan table and the evaluation's: each a header row and one row for the one measure.
        var tables = document.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal([2, 2], tables.Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count()));
    }

    [Fact]
    public async Task An_english_client_gets_the_document_in_english()
    {
        await using var room = await WorkshopRoom.OpenAsync(locale: "en-US");
        await PrepareAsync(room);

        await room.SayAsync(Lead, "export");
        await ExportsMadeAsync(room);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        var download = await DownloadAsync(room, Link(card, "Document (Word)")!);
        using var document = WordprocessingDocument.Open(new MemoryStream(download.Bytes), isEditable: false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Goals", text, StringComparison.Ordinal);
        Assert.Contains("The measures in detail", text, StringComparison.Ordinal);
        Assert.Contains("15/01/2027 – 31/12/2027", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Maßnahmen im Einzelnen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participant_cannot_export()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);

        await ExportAsync(room, Anna);

        Assert.Null(ExportCard(room));
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", room.Connector.Calls[^1].Text);
    }

    [Fact]
    public async Task Project_lead_exports_from_the_personal_chat()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);
        await ExportAsync(room, Lead, inPersonalChat: true);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        Assert.Contains("Dateien zum Herunterladen: Digitale Agenda Hagenow", Texts(card));
        var download = await DownloadAsync(room, Link(card, "Beiträge (CSV)")!);
        Assert.Contains(Goal, System.Text.Encoding.UTF8.GetString(download.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_link_that_was_never_issued_finds_nothing()
    {
        await using var room = await WorkshopRoom.OpenAsync();

        var download = await DownloadAsync(room, new Uri(room.Bot.BaseAddress, "exports/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").AbsoluteUri);

        Assert.Equal(404, download.Status);
    }
}
