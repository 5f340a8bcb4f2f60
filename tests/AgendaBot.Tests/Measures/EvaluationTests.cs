using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Features.Export;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Workshops;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// "How is the agenda doing against its plan?": the evaluation says per measure whether it keeps its time corridor
/// and how far its indicators have come, and for the agenda the shares on schedule, behind, done and dropped.
/// </summary>
public sealed class EvaluationTests : IAsyncLifetime
{
    private static readonly TeamsUser LeadUser = new(Lead.AadObjectId, Lead.Name);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync(time: clock);
        await room.ClickAsync(Lead, "agenda.create", new() { ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true" });
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_evaluation_puts_the_measure_behind_schedule_first_and_says_by_how_much()
    {
        await PlanThreeAsync();

        await room.SayAsync(Lead, "auswertung");

        var card = LastCard();
        var texts = Texts(card).ToList();
        Assert.Contains("3 Maßnahmen: 1 im Zeitplan, 1 hinter dem Zeitplan, 0 erledigt, 1 verworfen.", texts);
        Assert.Contains("Zielerreichung der Kontrollindikatoren im Mittel: 50 %", texts);
        var first = texts.IndexOf("Online-Terminvergabe");
        Assert.True(first >= 0 && first < texts.IndexOf("Freies WLAN im Rathaus"), string.Join(" | ", texts));
        Assert.Equal("23 Tage hinter dem Zeitplan · geplant 01.01.2026 – 31.10.2026 · 1 Meilenstein überfällig", texts[first + 1]);
        Assert.Equal("Online-Anträge: 10 → 35 → 60 Prozent (50 % erreicht)", texts[first + 2]);
        var picture = card!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Image")!;
        Assert.StartsWith("Stand der Maßnahmen gegenüber dem Plan: 1 im Zeitplan (34 %), 1 hinter dem Zeitplan (33 %), 0 erledigt (0 %), 1 verworfen (33 %)",
            picture["altText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measure_done_after_its_end_says_when_and_how_many_days_late()
    {
        var repository = room.Bot.Services.GetRequiredService<MeasureRepository>();
        await repository.CreateAsync(Tenant, new Measure
        {
            Id = "m-app", AgendaId = room.TeamId, Title = "Bürger-App", Start = new(2026, 3, 1), End = new(2026, 9, 30),
        }, LeadUser, clock.GetUtcNow());
        await ChangeStatusAsync(repository, "m-app", MeasureStatus.InProgress, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        await ChangeStatusAsync(repository, "m-app", MeasureStatus.Done, new DateTimeOffset(2026, 10, 12, 10, 0, 0, TimeSpan.Zero));

        await room.SayAsync(Lead, "auswertung");

        Assert.Contains("erledigt am 12.10.2026, 12 Tage nach dem geplanten Ende · geplant 01.03.2026 – 30.09.2026 · begonnen am 04.03.2026, 3 Tage nach Plan",
            Texts(LastCard()));
    }

    [Fact]
    public async Task The_weekly_post_says_the_standings_in_one_line()
    {
        await PlanThreeAsync();

        var agenda = (await room.Bot.Services.GetRequiredService<AgendaRepository>().GetAsync(Tenant, room.TeamId))!.Value;
        var posts = await room.Bot.Services.GetRequiredService<IWeeklyReport>().ProduceAsync(Tenant, agenda, new WeeklyOccurrence(clock.GetUtcNow(), "2026-W48"), default);

        Assert.Contains("Zeitplan: 1 im Plan, 1 dahinter, 0 erledigt, 1 verworfen. Mehr zeigt „@AgendaBot auswertung“.",
            Texts(JsonNode.Parse(posts[0].Activity.Attachments![0].Content!.Value.GetRawText())));
    }

    [Fact]
    public async Task The_export_has_the_evaluation_with_its_picture()
    {
        await PlanThreeAsync();

        var content = await room.Bot.Services.GetRequiredService<AgendaContentReader>().ReadAsync(Tenant, room.TeamId, default);
        var bytes = AgendaDocument.Build(content!, new Texts(BotCulture.German), new DateOnly(2026, 11, 23));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);

        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Auswertung3 Maßnahmen: 1 im Zeitplan, 1 hinter dem Zeitplan, 0 erledigt, 1 verworfen.", text, StringComparison.Ordinal);
        Assert.Contains("Online-Terminvergabe23 Tage hinter dem Zeitplan", text, StringComparison.Ordinal);
        Assert.Equal(2, document.MainDocumentPart.ImageParts.Count());
    }

    [Fact]
    public async Task Without_measures_the_evaluation_says_when_it_begins()
    {
        await room.SayAsync(Lead, "auswertung");

        Assert.Contains("Noch keine Maßnahme geplant: Die Auswertung beginnt mit dem Zeit-Maßnahmen-Plan.", Texts(LastCard()));
    }

    [Fact]
    public async Task Outside_an_agenda_it_says_where_to_ask()
    {
        await using var elsewhere = await WorkshopRoom.OpenAsync();

        await elsewhere.SayAsync(Anna, "auswertung");

        Assert.StartsWith("Hier gibt es noch keine Digitale Agenda.", elsewhere.Connector.Calls[^1].Text, StringComparison.Ordinal);
    }

    private TenantScope Tenant => new(room.TenantId);

    private JsonNode? LastCard() => room.Connector.Calls.Select(c => c.Card).Last(c => c is not null);

    private async Task PlanThreeAsync()
    {
        var repository = room.Bot.Services.GetRequiredService<MeasureRepository>();
        var now = clock.GetUtcNow();
        await repository.CreateAsync(Tenant, new Measure
        {
            Id = "m-termine", AgendaId = room.TeamId, Title = "Online-Terminvergabe", Priority = 2, Status = MeasureStatus.InProgress,
            Start = new(2026, 1, 1), End = new(2026, 10, 31),
            Milestones = [new Milestone("Ausschreibung", new(2026, 11, 1))],
            Indicators = [new Indicator("Online-Anträge", "Prozent", 10, 60, 35)],
        }, LeadUser, now);
        await repository.CreateAsync(Tenant, new Measure
        {
            Id = "m-wlan", AgendaId = room.TeamId, Title = "Freies WLAN im Rathaus", Priority = 1, Start = new(2027, 1, 1), End = new(2027, 6, 30),
        }, LeadUser, now);
        await repository.CreateAsync(Tenant, new Measure
        {
            Id = "m-sprechstunde", AgendaId = room.TeamId, Title = "Digitale Sprechstunde", Priority = 3, Status = MeasureStatus.Dropped,
        }, LeadUser, now);
    }

    private async Task ChangeStatusAsync(MeasureRepository repository, string id, MeasureStatus status, DateTimeOffset at)
    {
        var before = (await repository.GetAsync(Tenant, room.TeamId, id))!;
        await repository.UpdateAsync(Tenant, before, before.Value with { Status = status }, LeadUser, at);
    }
}
