using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Features.Export;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Measures;
using AgendaBot.Tests.Workshops;
using DocumentFormat.OpenXml.Packaging;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Consultations;

/// <summary>
/// The multiplier effect: the project lead records a consultation with another town — with whom, when, about which
/// measures, what, and whether material was shared — and it shows in a list, the weekly post and the export.
/// </summary>
public sealed class ConsultationTests : IAsyncLifetime
{
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_lead_records_a_consultation_and_the_card_shows_what_was_saved()
    {
        await room.Room.SayAsync(Lead, "konsultation");
        var form = LastCard();
        Assert.Contains("Konsultation erfassen", Texts(form));
        Assert.Equal(["Online-Terminvergabe im Bürgerbüro", "Freies WLAN im Rathaus"],
            form!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Input.ChoiceSet")!["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));

        var saved = await RecordAsync(Lead, "Stadt Ludwigslust", "2026-11-20", "m-termine,m-wlan", "Austausch zur Terminvergabe", shared: true);

        var shown = string.Join("\n", Texts(saved["value"]));
        Assert.Contains("Konsultation gespeichert", shown, StringComparison.Ordinal);
        Assert.Contains("Stadt Ludwigslust", shown, StringComparison.Ordinal);
        Assert.Contains("Maßnahmen: Online-Terminvergabe im Bürgerbüro, Freies WLAN im Rathaus", shown, StringComparison.Ordinal);
        Assert.Contains("Material geteilt", shown, StringComparison.Ordinal);
        Assert.Contains("Insgesamt 1 Konsultation dokumentiert.", shown, StringComparison.Ordinal);
        var stored = Assert.Single(await Stored());
        Assert.Equal(("Stadt Ludwigslust", new DateOnly(2026, 11, 20), true), (stored.Town, stored.Date, stored.MaterialShared));
        Assert.Equal(["m-termine", "m-wlan"], stored.MeasureIds);
    }

    [Fact]
    public async Task The_same_click_delivered_twice_is_one_consultation()
    {
        await RecordAsync(Lead, "Boizenburg", "2026-11-18", "", "Telefonat", activityId: "click-1");
        await RecordAsync(Lead, "Boizenburg", "2026-11-18", "", "Telefonat", activityId: "click-1");

        Assert.Single(await Stored());
    }

    [Fact]
    public async Task A_participant_is_refused_and_nothing_is_stored()
    {
        var before = room.Room.Connector.Calls.Count;
        await room.Room.SayAsync(Anna, "konsultation");
        var refused = await RecordAsync(Anna, "Boizenburg", "2026-11-18", "", "Telefonat");

        const string NotAllowed = "Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.";
        Assert.Equal(NotAllowed, room.Room.Connector.Calls.Skip(before).Single().Text);
        Assert.Equal(NotAllowed, refused["value"]?.GetValue<string>());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_date_in_the_future_is_named_and_nothing_is_stored()
    {
        var refused = await RecordAsync(Lead, "Boizenburg", "2026-12-01", "", "Geplantes Treffen");

        Assert.Equal("Der 01.12.2026 liegt in der Zukunft. Erfassen Sie eine Konsultation bitte, nachdem sie stattgefunden hat.",
            refused["value"]?.GetValue<string>());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_missing_partner_is_named()
    {
        var refused = await RecordAsync(Lead, " ", "2026-11-18", "", "Telefonat");

        Assert.Equal("Bitte geben Sie an, mit wem die Konsultation war.", refused["value"]?.GetValue<string>());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_measure_of_no_one_s_agenda_is_refused()
    {
        var refused = await RecordAsync(Lead, "Boizenburg", "2026-11-18", "m-termine,m-erfunden", "Telefonat");

        Assert.NotNull(refused["value"]?.GetValue<string>());
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task A_card_naming_another_agenda_is_not_found()
    {
        var refused = await room.Room.ClickAsync(Lead, "consultation.record", new JsonObject
        {
            ["agendaId"] = "19:another-team@thread.tacv2", ["partner"] = "Boizenburg", ["date"] = "2026-11-18", ["note"] = "Telefonat",
        });

        Assert.StartsWith("Das habe ich nicht gefunden", refused["value"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await Stored());
    }

    [Fact]
    public async Task The_list_shows_every_consultation_newest_first()
    {
        await RecordAsync(Lead, "Boizenburg", "2026-10-02", "", "Telefonat zu WLAN");
        await RecordAsync(Lead, "Landkreis Ludwigslust-Parchim", "2026-11-20", "m-termine", "Vorlage für die Terminvergabe", shared: true);

        await room.Room.SayAsync(Lead, "konsultationen");

        var list = Texts(LastCard()).ToList();
        Assert.Contains("2 Konsultationen dokumentiert, bei 1 davon wurde Material geteilt.", list);
        Assert.True(list.IndexOf("Landkreis Ludwigslust-Parchim") < list.IndexOf("Boizenburg"), string.Join(" | ", list));
        Assert.Equal("consultation.form", LastCard()!["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_weekly_post_counts_the_consultations()
    {
        await RecordAsync(Lead, "Boizenburg", "2026-10-02", "", "Telefonat zu WLAN");
        await RecordAsync(Lead, "Stadt Ludwigslust", "2026-11-20", "", "Besuch");

        var agenda = (await room.Service<AgendaRepository>().GetAsync(room.Tenant, room.Room.TeamId))!.Value;
        var posts = await room.Service<IWeeklyReport>().ProduceAsync(room.Tenant, agenda, new WeeklyOccurrence(room.Clock.GetUtcNow(), "2026-W48"), default);

        var card = posts[0].Activity.Attachments![0].Content!.Value.GetRawText();
        Assert.Contains("Konsultationen: 2 dokumentiert, 1 davon in den letzten 7 Tagen.", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_a_consultations_section_without_who_wrote_it_down()
    {
        await RecordAsync(Lead, "Stadt Ludwigslust", "2026-11-20", "m-wlan", "Austausch zum Rathaus-WLAN", shared: true);

        var content = await room.Service<AgendaContentReader>().ReadAsync(room.Tenant, room.Room.TeamId, default);
        using var document = WordprocessingDocument.Open(new MemoryStream(AgendaDocument.Build(content!, new Texts(BotCulture.German), new DateOnly(2026, 11, 23))), false);

        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("KonsultationenDatumMit wemWorum es gingMaßnahmenMaterial geteilt", text, StringComparison.Ordinal);
        Assert.Contains("20.11.2026Stadt LudwigslustAustausch zum Rathaus-WLANFreies WLAN im Rathausja", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_can_be_opened_from_a_card_and_comes_below_it()
    {
        var before = room.Room.Connector.Calls.Count;

        var answer = await room.Room.ClickAsync(Lead, "consultation.form", new JsonObject { ["agendaId"] = room.Room.TeamId });

        Assert.Equal("Das Formular steht unten im Chat.", answer["value"]?.GetValue<string>());
        Assert.Contains("Konsultation erfassen", Texts(room.Room.Connector.Calls.Skip(before).Single().Card));
    }

    private Task<JsonObject> RecordAsync(Person person, string partner, string date, string measures, string note, bool shared = false,
        string? activityId = null) =>
        room.Room.ClickAsync(person, "consultation.record", new JsonObject
        {
            ["agendaId"] = room.Room.TeamId, ["partner"] = partner, ["date"] = date, ["measures"] = measures, ["note"] = note,
            ["materialShared"] = shared ? "true" : "false",
        }, activityId);

    private Task<IReadOnlyList<AgendaBot.Domain.Measures.ConsultationEntry>> Stored() =>
        room.Service<MeasureRepository>().GetConsultationsAsync(room.Tenant, room.Room.TeamId);

    private JsonNode? LastCard() => room.Room.Connector.Calls.Select(c => c.Card).Last(c => c is not null);
}
