using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// After step 6: the plan summary in the channel, owners reporting status through their card, and nobody else.
/// </summary>
public sealed class PlanFollowUpTests : IAsyncLifetime
{
    private const string SummaryTitle = "Zeit-Maßnahmen-Plan: Digitale Agenda Hagenow";

    private PlanFollowUpRoom room = null!;

    public async Task InitializeAsync() => room = await PlanFollowUpRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task A_planned_measure_appears_in_the_channel_as_a_summary_with_its_timeline()
    {
        await room.PlanAsync();

        var post = Assert.Single(room.CallsWith(SummaryTitle));
        Assert.Equal("POST", post.Method);
        Assert.Contains(room.Room.ChannelId, Uri.UnescapeDataString(post.Path), StringComparison.Ordinal);
        var text = PlanFollowUpRoom.CardText(post.Card);
        Assert.Contains("1. Online-Terminvergabe im Bürgerbüro", text, StringComparison.Ordinal);
        Assert.Contains("verantwortlich: Anna Schulz · 15.01.2027 bis 31.12.2027 · geplant, 0 %", text, StringComparison.Ordinal);
        var image = post.Card!["body"]!.AsArray().Single(e => e?["type"]?.GetValue<string>() == "Image")!;
        var url = image["url"]!.GetValue<string>();
        var png = url.StartsWith("data:image/png;base64,", StringComparison.Ordinal)
            ? Convert.FromBase64String(url["data:image/png;base64,".Length..])
            : await room.Room.Bot.Http.GetByteArrayAsync(new Uri(url));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.StartsWith("Zeitstrahl der Maßnahmen: Online-Terminvergabe", image["altText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owner_updates_progress_and_the_summary_changes_in_place()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();
        var posted = Assert.Single(room.CallsWith(SummaryTitle));

        var answer = await room.ReportAsync(Anna, measure.Id, "InProgress", "40", indicator: "12,5");

        var card = PlanFollowUpRoom.CardText(answer["value"]);
        Assert.StartsWith("Der Stand von „Online-Terminvergabe im Bürgerbüro“ ist gespeichert: in Arbeit, 40 %.", card, StringComparison.Ordinal);
        var calls = room.CallsWith(SummaryTitle);
        Assert.Equal(["POST", "PUT"], calls.Select(c => c.Method));
        var remembered = Assert.Single(await room.Get<PlanFollowUpStore>().GetPlanPostsAsync(room.Tenant, room.AgendaId));
        Assert.Equal(posted.Path + "/" + remembered.ActivityId, calls[1].Path);
        Assert.Contains("verantwortlich: Anna Schulz · 15.01.2027 bis 31.12.2027 · in Arbeit, 40 %", PlanFollowUpRoom.CardText(calls[1].Card), StringComparison.Ordinal);
        var stored = await room.TheMeasureAsync();
        Assert.Equal((MeasureStatus.InProgress, 40, 12.5), (stored.Status, stored.Progress, stored.Indicators[0].Current));
        var history = await room.Get<MeasureRepository>().GetHistoryAsync(room.Tenant, room.AgendaId, measure.Id);
        Assert.Contains(history, h => h.Field == "status" && h.Before == "Planned" && h.After == "InProgress" && h.ChangedBy.Id == Anna.AadObjectId);
        Assert.Contains(history, h => h.Field == "progress" && h.After == "40" && h.ChangedBy.Name == Anna.Name);
    }

    [Fact]
    public async Task The_status_card_shows_what_was_saved_not_what_it_showed_before()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        var answer = await room.ReportAsync(Anna, measure.Id, "Delayed", "40", indicator: "12,5");

        var card = answer["value"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer["type"]?.GetValue<string>());
        Assert.Contains("jetzt: verzögert, 40 %", PlanFollowUpRoom.CardText(card), StringComparison.Ordinal);
        Assert.DoesNotContain("jetzt: geplant, 0 %", PlanFollowUpRoom.CardText(card), StringComparison.Ordinal);
        var inputs = card["body"]!.AsArray().Where(e => e?["id"] is not null).ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["value"]?.ToString());
        Assert.Equal("Delayed", inputs["status"]);
        Assert.Equal("40", inputs["progress"]);
        Assert.Equal("12.5", inputs["indicator0"]);
    }

    [Fact]
    public async Task Someone_else_cannot_update_a_measure()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        var answer = await room.ReportAsync(Klaus, measure.Id, "Done", "100");

        Assert.Equal("Den Stand dieser Maßnahme melden nur die verantwortliche Person und die Projektleitung. Es wurde nichts gespeichert.",
            answer["value"]?.GetValue<string>());
        Assert.Equal((MeasureStatus.Planned, 0), ((await room.TheMeasureAsync()).Status, (await room.TheMeasureAsync()).Progress));
        Assert.DoesNotContain(room.CallsWith(SummaryTitle), c => c.Method == "PUT");
    }

    [Fact]
    public async Task The_project_lead_may_report_for_the_owner()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        await room.ReportAsync(Lead, measure.Id, "Delayed", "10");

        Assert.Equal(MeasureStatus.Delayed, (await room.TheMeasureAsync()).Status);
    }

    [Theory]
    [InlineData("InProgress", "140", "Der Fortschritt muss eine ganze Zahl von 0 bis 100 sein. Es wurde nichts gespeichert.")]
    [InlineData("InProgress", "viel", "Der Fortschritt muss eine ganze Zahl von 0 bis 100 sein. Es wurde nichts gespeichert.")]
    [InlineData("Finished", "40", "Bitte wählen Sie einen Stand: geplant, in Arbeit, verzögert, erledigt oder verworfen. Es wurde nichts gespeichert.")]
    public async Task An_invalid_report_is_explained_and_nothing_is_stored(string status, string progress, string expected)
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        var answer = await room.ReportAsync(Anna, measure.Id, status, progress);

        Assert.Equal(expected, answer["value"]?.GetValue<string>());
        Assert.Equal(measure.UpdatedAt, (await room.TheMeasureAsync()).UpdatedAt);
    }

    [Fact]
    public async Task An_indicator_value_that_is_no_number_is_named_in_the_refusal()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        var answer = await room.ReportAsync(Anna, measure.Id, "InProgress", "40", indicator: "ungefähr zehn");

        Assert.Equal("Der Wert für „Online gebuchte Termine“ ist keine Zahl. Es wurde nichts gespeichert.", answer["value"]?.GetValue<string>());
        Assert.Equal(0, (await room.TheMeasureAsync()).Progress);
    }

    [Fact]
    public async Task The_same_report_delivered_twice_is_recorded_once()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        await room.ReportAsync(Anna, measure.Id, "InProgress", "40", activityId: "report-1");
        await room.ReportAsync(Anna, measure.Id, "InProgress", "40", activityId: "report-1");

        var history = await room.Get<MeasureRepository>().GetHistoryAsync(room.Tenant, room.AgendaId, measure.Id);
        Assert.Single(history, h => h.Field == "progress");
        Assert.Single(room.CallsWith(SummaryTitle), c => c.Method == "PUT");
    }

    [Fact]
    public async Task The_owner_finds_her_measures_in_the_personal_chat_and_opens_the_status_card()
    {
        await room.PlanAsync();
        var measure = await room.TheMeasureAsync();

        await room.SayPersonallyAsync("maßnahmen");

        var list = await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CallsWith("Ihre Maßnahmen")), c => c.Count > 0);
        var button = list[0].Card!["body"]!.AsArray().Last()!["actions"]![0]!;
        Assert.Equal("measure.open", button["verb"]!.GetValue<string>());
        Assert.Contains("Online-Terminvergabe im Bürgerbüro", PlanFollowUpRoom.CardText(list[0].Card), StringComparison.Ordinal);

        var opened = await room.Room.ClickAsync(Anna, "measure.open", button["data"]!.DeepClone().AsObject());

        var card = opened["value"]!;
        Assert.Contains("Stand melden: Online-Terminvergabe im Bürgerbüro", PlanFollowUpRoom.CardText(card), StringComparison.Ordinal);
        Assert.Equal("measure.update", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal(measure.Id, card["actions"]![0]!["data"]!["measureId"]!.GetValue<string>());
    }
}
