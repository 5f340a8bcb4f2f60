using System.Text;
using System.Text.Json.Nodes;
using AgendaBot.Features.Export;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Export.ExportRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Export;

/// <summary>The contributions and the ballots as CSV for German Excel, with the names of people, for a week.</summary>
public sealed class CsvExportTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static async Task<string[]> CsvLinesAsync(WorkshopRoom room, string button)
    {
        var card = ExportCard(room) ?? throw new Xunit.Sdk.XunitException("No export card was sent.");
        var download = await DownloadAsync(room, Link(card, button)!);
        Assert.Equal(200, download.Status);
        Assert.Equal("text/csv; charset=utf-8", download.ContentType);
        Assert.Equal("attachment", download.Disposition?.DispositionType);
        Assert.Equal(Bom, download.Bytes[..3]);
        return Encoding.UTF8.GetString(download.Bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Csv_cells_that_look_like_formulas_are_made_inert()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);

        await ExportAsync(room, Lead);

        var lines = await CsvLinesAsync(room, "Beiträge (CSV)");
        Assert.Equal("Handlungsfeld;Schritt;Nr.;Text;Autor;Akteursgruppe;Datum", lines[0]);
        // The apostrophe makes Excel show the text; the quotes inside are doubled (RFC 4180), the ';' needs the quoting.
        Assert.Contains(lines, l => l.StartsWith("Verwaltung;1 Status-Quo-Beschreibung;4;\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Details\"\")\";Klaus Meier;Unternehmen;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"Verwaltung;4 Zieldefinition;5;{Goal};Anna Schulz;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(";=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ballots_csv_has_one_row_per_rating_with_the_voter()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);

        await ExportAsync(room, Lead);

        var lines = await CsvLinesAsync(room, "Bewertungen (CSV)");
        Assert.Equal("Handlungsfeld;Abstimmung;Schritt;Gestartet;Person;Beitrag Nr.;Beitrag;Kriterium;Wert", lines[0]);
        var rows = lines[1..].Select(l => l.Split(';')).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r[4] == "Anna Schulz" && r[5] == "1" && r[6] == "Bürgerportal modernisieren" && r[7] == "Bewertung" && r[8] == "5");
        Assert.Contains(rows, r => r[4] == "Klaus Meier" && r[5] == "3" && r[8] == "2");
        Assert.All(rows, r => Assert.Equal("1", r[1]));
    }

    [Fact]
    public async Task A_moderator_gets_only_the_contributions_of_the_workshop_they_moderate()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await PrepareAsync(room);
        const string tourism = "19:workshop-tourismus@thread.tacv2";
        await room.ClickAsync(Sabine, "workshop.open", new JsonObject { ["fieldOfAction"] = "Tourismus/Mobilität", ["capacity"] = "15" }, channelId: tourism);
        var stepCard = room.Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add");
        var workshop = stepCard!["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        await room.ClickAsync(Sabine, "contribution.add", new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = "Radwege fehlen" }, channelId: tourism);

        await ExportAsync(room, Sabine, tourism);

        var lines = await CsvLinesAsync(room, "Beiträge (CSV)");
        Assert.Contains(lines, l => l.StartsWith("Tourismus/Mobilität;1 Status-Quo-Beschreibung;1;Radwege fehlen;Sabine Wagner;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("Verwaltung;", StringComparison.Ordinal));
        Assert.Contains("nur die Workshops, die Sie moderieren", string.Join("\n", Texts(ExportCard(room))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_links_expire_after_seven_days()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var room = await WorkshopRoom.OpenAsync(time: clock);
        await room.SetUpWorkshopAsync();
        await ExportAsync(room, Lead);
        var link = Link(ExportCard(room)!, "Beiträge (CSV)")!;

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var lastMinute = await DownloadAsync(room, link);
        clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await DownloadAsync(room, link);

        Assert.Equal(200, lastMinute.Status);
        Assert.Equal(404, expired.Status);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 3883 123", "'+49 3883 123")]
    [InlineData("-Rathaus", "'-Rathaus")]
    [InlineData("@SUMME(A1)", "'@SUMME(A1)")]
    [InlineData("Bürgerbüro", "Bürgerbüro")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sagt \"ja\"", "\"sagt \"\"ja\"\"\"")]
    [InlineData("zwei\nZeilen", "\"zwei\nZeilen\"")]
    [InlineData("", "")]
    public void A_cell_is_quoted_and_made_inert_as_needed(string value, string cell) => Assert.Equal(cell, Csv.Cell(value));
}
