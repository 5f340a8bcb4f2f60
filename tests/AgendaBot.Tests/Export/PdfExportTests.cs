using System.Text;
using AgendaBot.Features.Export;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Export.ExportRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>The PDF comes from LibreOffice where it is installed; without it the card says so.</summary>
public sealed class PdfExportTests
{
    [Fact]
    public async Task With_libreoffice_installed_the_card_offers_the_agenda_as_pdf()
    {
        // CI installs LibreOffice (.ci/run): a missing one is a broken machine, not a reason to pass.
        Assert.True(PdfConverter.Locate(null) is not null,
            "LibreOffice (soffice) is not on PATH, so the real PDF conversion cannot be tested. Install it: apt-get install libreoffice-writer-nogui");
        // Generous: the first start of LibreOffice with a fresh profile takes half a minute on a busy two-core test machine.
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?> { ["Export:PdfTimeout"] = "00:05:00" });
        await PrepareAsync(room);

        await ExportAsync(room, Lead);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        var download = await DownloadAsync(room, Link(card, "Dokument (PDF)") ?? throw new Xunit.Sdk.XunitException("The card has no PDF button: " + string.Join(" / ", Texts(card))));
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.EndsWith(".pdf", download.Disposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(download.Bytes, 0, 4));
    }

    [Fact]
    public async Task Without_libreoffice_the_card_says_pdf_is_not_available()
    {
        await using var room = await WorkshopRoom.OpenAsync(settings: new Dictionary<string, string?> { ["Export:SofficePath"] = "/nonexistent/soffice" });
        await room.SetUpWorkshopAsync();

        await ExportAsync(room, Lead);

        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        Assert.Null(Link(card, "Dokument (PDF)"));
        Assert.NotNull(Link(card, "Dokument (Word)"));
        Assert.Contains("Ein PDF kann dieser Server nicht erstellen. Öffnen Sie das Word-Dokument und speichern Sie es als PDF.", string.Join("\n", Texts(card)), StringComparison.Ordinal);
        Assert.Null(room.Bot.Services.GetRequiredService<PdfConverter>().Program);
    }
}
