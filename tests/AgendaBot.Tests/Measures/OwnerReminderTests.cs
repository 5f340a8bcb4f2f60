using AgendaBot.Features.Measures;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Agendas;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>Owners are asked for their status: by a reminder after 14 silent days, or when the project lead asks.</summary>
public sealed class OwnerReminderTests : IAsyncLifetime
{
    private const string ReminderStart = "Erinnerung: Für die Maßnahme „Online-Terminvergabe im Bürgerbüro“";

    private PlanFollowUpRoom room = null!;

    public async Task InitializeAsync() => room = await PlanFollowUpRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private MeasureReminders Reminders => room.Get<MeasureReminders>();

    [Fact]
    public async Task Owner_without_update_for_14_days_is_reminded_once()
    {
        await room.InstallForAnnaAsync();
        await room.PlanAsync();
        var planned = (await room.TheMeasureAsync()).UpdatedAt;

        Assert.Equal(0, await Reminders.RunDueAsync(planned.AddDays(13), default));
        var firstPasses = await Task.WhenAll(
            Reminders.RunDueAsync(planned.AddDays(14).AddHours(1), default),
            Reminders.RunDueAsync(planned.AddDays(14).AddHours(2), default));
        Assert.Equal(1, firstPasses.Sum());
        Assert.Equal(0, await Reminders.RunDueAsync(planned.AddDays(20), default));

        await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CallsWith(ReminderStart)), c => c.Count > 0);
        await room.WaitForEmptyOutboxAsync();
        var reminder = Assert.Single(room.CallsWith(ReminderStart));
        Assert.Contains(PlanFollowUpRoom.AnnasChat, Uri.UnescapeDataString(reminder.Path), StringComparison.Ordinal);
        Assert.Contains("seit 14 Tagen keinen neuen Stand", PlanFollowUpRoom.CardText(reminder.Card), StringComparison.Ordinal);
        Assert.Equal("measure.update", reminder.Card!["actions"]![0]!["verb"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_silent_period_reminds_again_and_an_update_starts_the_count_anew()
    {
        await room.InstallForAnnaAsync();
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        Assert.Equal(1, await Reminders.RunDueAsync(measure.UpdatedAt.AddDays(15), default));
        Assert.Equal(1, await Reminders.RunDueAsync(measure.UpdatedAt.AddDays(29), default));
        await room.ReportAsync(Anna, measure.Id, "InProgress", "20");
        var updated = (await room.TheMeasureAsync()).UpdatedAt;

        Assert.Equal(0, await Reminders.RunDueAsync(updated.AddDays(10), default));
        Assert.Equal(1, await Reminders.RunDueAsync(updated.AddDays(14), default));
    }

    [Fact]
    public async Task Finished_measures_are_not_reminded()
    {
        await room.InstallForAnnaAsync();
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();
        await room.ReportAsync(Anna, measure.Id, "Done", "100");

        Assert.Equal(0, await Reminders.RunDueAsync(DateTimeOffset.UtcNow.AddDays(40), default));
    }

    [Fact]
    public async Task The_project_lead_asks_the_owners_of_silent_measures_for_an_update()
    {
        await room.InstallForAnnaAsync();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-20);
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, longAgo);
        await room.AddMeasureAsync("m-wlan", "WLAN im Rathaus", Klaus, longAgo);
        await room.AddMeasureAsync("m-akten", "E-Akte", Anna, DateTimeOffset.UtcNow);

        var answer = await room.Room.ClickAsync(Lead, "measures.askOwners", new() { ["agendaId"] = room.AgendaId });

        Assert.Equal("1 verantwortliche Person wurde um den Stand von 1 Maßnahme gebeten. "
            + "1 verantwortliche Person hat noch keinen persönlichen Chat mit mir und wurde nicht erreicht: Klaus Meier.", answer["value"]?.GetValue<string>());
        var request = (await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(room.CallsWith("Petra Hoffmann bittet Sie um den aktuellen Stand der Maßnahme „Online-Terminvergabe“.")), c => c.Count > 0)).Single();
        Assert.Contains(PlanFollowUpRoom.AnnasChat, Uri.UnescapeDataString(request.Path), StringComparison.Ordinal);
        await room.WaitForEmptyOutboxAsync();
        Assert.Empty(room.CallsWith("E-Akte"));
    }

    [Fact]
    public async Task Only_the_project_lead_can_ask_the_owners()
    {
        await room.InstallForAnnaAsync();
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, DateTimeOffset.UtcNow.AddDays(-20));

        var answer = await room.Room.ClickAsync(Klaus, "measures.askOwners", new() { ["agendaId"] = room.AgendaId });

        Assert.Equal("Um den Stand bitten kann nur die Projektleitung.", answer["value"]?.GetValue<string>());
        await room.WaitForEmptyOutboxAsync();
        Assert.Empty(room.CallsWith("bittet Sie um den aktuellen Stand"));
    }

    [Fact]
    public async Task The_weekly_post_offers_the_lead_to_ask_owners_when_a_measure_is_silent()
    {
        await room.AddMeasureAsync("m-termine", "Online-Terminvergabe", Anna, DateTimeOffset.UtcNow.AddDays(-20));
        var agenda = (await room.Get<AgendaRepository>().GetAsync(room.Tenant, room.AgendaId))!.Value;

        var posts = await room.Get<IWeeklyReport>().ProduceAsync(room.Tenant, agenda, new WeeklyOccurrence(DateTimeOffset.UtcNow, "2026-W48"), default);

        var card = System.Text.Json.Nodes.JsonNode.Parse(posts[0].Activity.Attachments![0].Content!.Value.GetRawText())!;
        Assert.Equal("measures.askOwners", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("Verantwortliche um Stand bitten", card["actions"]![0]!["title"]!.GetValue<string>());
    }
}
