using System.Text.Json.Nodes;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Agendas;
using AgendaBot.Testing;
using AgendaBot.Tests.Measures;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests;

/// <summary>The plan's follow-up cards for the gallery: the plan summary, the owner's list and status card, the weekly post.</summary>
public sealed partial class CardCorpusTests
{
    [Theory]
    [MemberData(nameof(Locales))]
    public async Task Plan_cards_from_the_summary_to_the_weekly_post(string locale)
    {
        await using var plan = await PlanFollowUpRoom.OpenAsync(locale);
        var room = plan.Room;
        room.Connector.CardNamer = card => $"{PlanKindOf(card)}-{Language(locale)}";
        await plan.InstallForAnnaAsync();
        await plan.PlanAsync();
        var measure = await plan.TheMeasureAsync();

        await plan.ReportAsync(Anna, measure.Id, "InProgress", "40", indicator: "20");
        await plan.SayPersonallyAsync(Language(locale) == "de" ? "maßnahmen" : "measures");
        Answer(room, "measure-status-card");
        var opened = await room.ClickAsync(Anna, "measure.open", new JsonObject { ["agendaId"] = plan.AgendaId, ["measureId"] = measure.Id });
        await plan.AddMeasureAsync("m-silent", Language(locale) == "de" ? "WLAN im Rathaus" : "Wi-Fi in the town hall", Klaus, DateTimeOffset.UtcNow.AddDays(-20));
        var agenda = (await plan.Get<AgendaRepository>().GetAsync(plan.Tenant, plan.AgendaId))!.Value;
        var weekly = await plan.Get<IWeeklyReport>().ProduceAsync(plan.Tenant, agenda, new WeeklyOccurrence(DateTimeOffset.UtcNow, "2026-W49"), default);
        await plan.Get<Features.Measures.MeasureReminders>().RunDueAsync(DateTimeOffset.UtcNow.AddDays(15), default);
        await plan.WaitForEmptyOutboxAsync();
        // The weekly post goes to channels this room never installed the bot in: its card is filed as the scheduler made it.
        CardCorpus.WriteAttachments(_ => $"weekly-status-{Language(locale)}",
            JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(weekly[0].Activity, Protocol.ProtocolJson.Context.Activity)));

        Assert.Contains(plan.CallsWith(Language(locale) == "de" ? "in Arbeit, 40 %" : "in progress, 40 %"), c => c.Method == "PUT");
        Assert.Equal("measure.update", opened["value"]?["actions"]?[0]?["verb"]?.GetValue<string>());
        Assert.Contains(weekly, p => p.Activity.Attachments![0].Content!.Value.GetRawText().Contains("measures.askOwners", StringComparison.Ordinal));
    }

    private static string PlanKindOf(JsonNode card)
    {
        var verb = card["actions"]?[0]?["verb"]?.GetValue<string>();
        var text = string.Join("\n", Texts(card));
        return verb switch
        {
            "measure.update" when text.Contains("Erinnerung", StringComparison.Ordinal) => "measure-reminder",
            "measure.update" => "measure-status-card",
            _ when text.StartsWith("Zeit-Maßnahmen-Plan", StringComparison.Ordinal) || text.StartsWith("Time-and-measures plan", StringComparison.Ordinal) => "plan-summary",
            _ when text.StartsWith("Ihre Maßnahmen", StringComparison.Ordinal) || text.StartsWith("Your measures", StringComparison.Ordinal) => "measure-list",
            _ => "plan-other",
        };
    }
}
