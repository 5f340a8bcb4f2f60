using AgendaBot.Domain.People;
using AgendaBot.Features.Measures;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// Cards a person did not ask for come in the language they last spoke to the bot in, German when they never said —
/// whatever the language of the project lead who caused them (here English).
/// </summary>
public sealed class OwnerLanguageTests : IAsyncLifetime
{
    private const string EnglishRequest = "Petra Hoffmann asks you for the current status of the measure “Online-Terminvergabe”.";
    private const string GermanRequest = "Petra Hoffmann bittet Sie um den aktuellen Stand der Maßnahme „Online-Terminvergabe“.";

    private PlanFollowUpRoom room = null!;

    public async Task InitializeAsync() => room = await PlanFollowUpRoom.OpenAsync(locale: "en-US");

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task An_owner_who_writes_in_English_gets_the_reminder_in_English()
    {
        await room.InstallForAnnaAsync();
        await room.SayPersonallyAsync("measures", locale: "en-GB");
        var planning = await room.PlanAsync();
        var planned = (await room.TheMeasureAsync()).UpdatedAt;

        var reminded = await room.Get<MeasureReminders>().RunDueAsync(planned.AddDays(14).AddHours(1), default);
        Assert.True(reminded == 1, await WhyNoReminderAsync(planning));

        var reminder = (await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(room.CallsWith("Reminder: the measure “Online-Terminvergabe im Bürgerbüro” has had no update for 14 days.")),
            c => c.Count > 0)).Single();
        Assert.Contains(PlanFollowUpRoom.AnnasChat, Uri.UnescapeDataString(reminder.Path), StringComparison.Ordinal);
        Assert.Contains("15/01/2027 to 31/12/2027", PlanFollowUpRoom.CardText(reminder.Card), StringComparison.Ordinal);
        await room.WaitForEmptyOutboxAsync();
        Assert.Empty(room.CallsWith("Erinnerung:"));
    }

    [Fact]
    public async Task An_owner_of_unknown_language_gets_the_reminder_in_German()
    {
        await room.InstallForAnnaAsync();
        var planning = await room.PlanAsync();
        var planned = (await room.TheMeasureAsync()).UpdatedAt;

        var reminded = await room.Get<MeasureReminders>().RunDueAsync(planned.AddDays(14).AddHours(1), default);
        Assert.True(reminded == 1, await WhyNoReminderAsync(planning));

        var reminder = (await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(room.CallsWith("Erinnerung: Für die Maßnahme „Online-Terminvergabe im Bürgerbüro“ gibt es seit 14 Tagen")),
            c => c.Count > 0)).Single();
        Assert.Contains("15.01.2027 bis 31.12.2027", PlanFollowUpRoom.CardText(reminder.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_who_installed_the_bot_in_English_is_asked_for_the_status_in_English()
    {
        await room.InstallForAnnaFromTeamsAsync("en-GB");
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, DateTimeOffset.UtcNow.AddDays(-20));

        await room.Room.ClickAsync(Lead, "measures.askOwners", new() { ["agendaId"] = room.AgendaId });

        var request = (await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CallsWith(EnglishRequest)), c => c.Count > 0)).Single();
        Assert.Contains(PlanFollowUpRoom.AnnasChat, Uri.UnescapeDataString(request.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_who_writes_in_German_again_is_asked_in_German()
    {
        await room.InstallForAnnaFromTeamsAsync("en-GB");
        await room.SayPersonallyAsync("maßnahmen", locale: "de-DE");
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, DateTimeOffset.UtcNow.AddDays(-20));

        await room.Room.ClickAsync(Lead, "measures.askOwners", new() { ["agendaId"] = room.AgendaId });

        await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CallsWith(GermanRequest)), c => c.Count > 0);
        await room.WaitForEmptyOutboxAsync();
        Assert.Empty(room.CallsWith(EnglishRequest));
    }

    [Fact]
    public async Task The_weekly_status_reaches_an_English_lead_in_English_and_the_status_channel_in_German()
    {
        await room.Get<ConversationReferenceRepository>().SaveAsync(new ConversationReference(room.Room.TenantId, "a:petra-personal",
            room.Room.Connector.ServiceUrl, "28:agendabot", "personal", null, null, Lead.AadObjectId, DateTimeOffset.UtcNow, Language: "en"));
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, DateTimeOffset.UtcNow.AddDays(-20));
        var agenda = (await room.Get<AgendaRepository>().GetAsync(room.Tenant, room.AgendaId))!.Value;

        var posts = await room.Get<IWeeklyReport>().ProduceAsync(room.Tenant, agenda, new WeeklyOccurrence(DateTimeOffset.UtcNow, "2026-W48"), default);

        var titles = posts.Select(p => (p.ConversationId, Title: PlanFollowUpRoom.CardText(
            System.Text.Json.Nodes.JsonNode.Parse(p.Activity.Attachments![0].Content!.Value.GetRawText())).Split('\n')[0]));
        Assert.Equal([("a:petra-personal", "Weekly measure status: Digitale Agenda Hagenow"), (room.Room.ChannelId, "Wochenstand der Maßnahmen: Digitale Agenda Hagenow")],
            titles);
    }

    // Seen once under heavy load and not reproduced since: what the plan click answered and what was stored, to tell why.
    private async Task<string> WhyNoReminderAsync(System.Text.Json.Nodes.JsonObject planning) =>
        $"No reminder. Plan answer: {planning.ToJsonString()}; measure: {await room.TheMeasureAsync()}; "
        + $"Anna's chat: {await room.Get<ConversationReferenceRepository>().FindPersonalChatAsync(room.Tenant, Anna.AadObjectId)}";
}
