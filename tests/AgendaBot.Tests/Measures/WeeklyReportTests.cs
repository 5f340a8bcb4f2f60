using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>The Monday post for the project lead, made from what is stored about the agenda's measures.</summary>
public sealed class WeeklyReportTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        await room.ClickAsync(Lead, "agenda.create", new() { ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung", ["statusHere"] = "true" });
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private T Service<T>() where T : notnull => room.Bot.Services.GetRequiredService<T>();

    private TenantScope Tenant => new(room.TenantId);

    private async Task<IReadOnlyList<AgendaBot.Infrastructure.Delivery.ProactivePost>> ProduceAsync()
    {
        var agenda = (await Service<AgendaRepository>().GetAsync(Tenant, room.TeamId))!.Value;
        return await Service<IWeeklyReport>().ProduceAsync(Tenant, agenda, new WeeklyOccurrence(DateTimeOffset.UtcNow, "2026-W48"), default);
    }

    [Fact]
    public async Task Without_measures_there_is_nothing_to_post()
    {
        Assert.Empty(await ProduceAsync());
    }

    [Fact]
    public async Task The_report_goes_to_the_project_leads_personal_chat_and_the_status_channel()
    {
        var lead = new TeamsUser(Lead.AadObjectId, Lead.Name);
        await Service<ConversationReferenceRepository>().SaveAsync(new ConversationReference(
            room.TenantId, "a:petra-personal", room.Connector.ServiceUrl, "28:agendabot", "personal", null, null, lead.Id, DateTimeOffset.UtcNow));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Service<MeasureRepository>().CreateAsync(Tenant, new Measure
        {
            Id = "m1", AgendaId = room.TeamId, Title = "Online-Terminvergabe", Owner = lead, Status = MeasureStatus.InProgress,
            Start = today.AddMonths(-2), End = today.AddMonths(6),
            Milestones = [new Milestone("Ausschreibung", today.AddDays(-3)), new Milestone("Vergabe", today.AddDays(5))],
        }, lead, DateTimeOffset.UtcNow);

        var posts = await ProduceAsync();

        Assert.Equal(["a:petra-personal", room.ChannelId], posts.Select(p => p.ConversationId));
        var card = posts[0].Activity.Attachments![0].Content!.Value.GetRawText();
        var text = string.Join("\n", Texts(System.Text.Json.Nodes.JsonNode.Parse(card)));
        Assert.Contains("Wochenstand der Maßnahmen: Digitale Agenda Hagenow", text, StringComparison.Ordinal);
        Assert.Contains("Stand: 1 in Arbeit", text, StringComparison.Ordinal);
        Assert.Contains("• Online-Terminvergabe: Ausschreibung (fällig", text, StringComparison.Ordinal);
        Assert.Contains("• Online-Terminvergabe: Vergabe (fällig", text, StringComparison.Ordinal);
    }
}
