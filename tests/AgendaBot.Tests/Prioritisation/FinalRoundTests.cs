using System.Text.Json.Nodes;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Features.Export;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Measures;
using AgendaBot.Tests.Workshops;
using DocumentFormat.OpenXml.Packaging;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Prioritisation;

/// <summary>
/// The Schlussrunde: the project lead puts all measures of all workshops to the steering group, the result orders the
/// whole plan, the lead marks the budget priorities and sets the plan to final.
/// </summary>
public sealed class FinalRoundTests : IAsyncLifetime
{
    private const string Portal = "Bürgerportal mit Online-Anträgen";

    private DraftRoom room = null!;

    private string AgendaId => room.Room.TeamId;

    public async Task InitializeAsync()
    {
        room = await DraftRoom.OpenAsync();
        await room.Service<MeasureRepository>().CreateAsync(room.Tenant, new Measure { Id = "m-portal", AgendaId = AgendaId, Title = Portal },
            new TeamsUser(Lead.AadObjectId, Lead.Name), room.Clock.GetUtcNow());
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_steering_group_rates_all_measures_and_the_result_orders_the_plan()
    {
        await room.Room.SayAsync(Lead, "schlussrunde");
        var setup = LastCard();
        Assert.Contains("Schlussrunde: alle Maßnahmen gemeinsam bewerten", Texts(setup));
        Assert.Contains(Texts(setup), t => t.StartsWith("Die Lenkungsgruppe bewertet hier 3 Maßnahmen aus allen Workshops gemeinsam.", StringComparison.Ordinal));

        var ballot = await StartAsync("stars", "Wirkung, Aufwand");
        Assert.Equal(["1. Online-Terminvergabe im Bürgerbüro", "2. Freies WLAN im Rathaus", "3. " + Portal], Headings(ballot["value"]));
        var roundId = RoundId(ballot);

        // Hand-computed: Terminvergabe (2.5 + 2.5) / 2 = 2.5, WLAN (4.5 + 4) / 2 = 4.25, Portal (4 + 3) / 2 = 3.5.
        var annas = await VoteAsync(Anna, roundId, ("s_1_0", 2), ("s_1_1", 2), ("s_2_0", 5), ("s_2_1", 4), ("s_3_0", 3), ("s_3_1", 3));
        Assert.Contains("Ihre Stimme ist gezählt.", Texts(annas["value"]));
        Assert.Contains("Bisher abgestimmt: 1", Texts(annas["value"]));
        await VoteAsync(Klaus, roundId, ("s_1_0", 3), ("s_1_1", 3), ("s_2_0", 4), ("s_2_1", 4), ("s_3_0", 5), ("s_3_1", 3));

        var result = await room.Room.ClickAsync(Lead, "finalround.close", Ref(roundId));
        var shown = Texts(result["value"]).ToList();
        Assert.Contains("Abgestimmt haben: 2. Die Maßnahmen nach ihrem Platz:", shown);
        Assert.Equal(["1. Freies WLAN im Rathaus", "2. " + Portal, "3. Online-Terminvergabe im Bürgerbüro"], Headings(result["value"]));
        Assert.Contains("Mittelwert 3,5 von 5 Sternen (Wirkung 4,0 · Aufwand 3,0)", shown);
        Assert.Contains("Mittelwert 2,5 von 5 Sternen (Wirkung 2,5 · Aufwand 2,5)", shown);

        var budget = await room.Room.ClickAsync(Lead, "finalround.apply", Ref(roundId));
        Assert.Contains("Die Reihenfolge gilt jetzt für den ganzen Plan.", Texts(budget["value"]));
        Assert.Equal([("m-wlan", 1), ("m-portal", 2), ("m-termine", 3)], (await Plan()).Select(m => (m.Id, m.Priority ?? 0)));

        var saved = await room.Room.ClickAsync(Lead, "plan.budget", new JsonObject { ["agendaId"] = AgendaId, ["budgetYear"] = "2027", ["measures"] = "m-wlan" });
        Assert.Contains("1 Maßnahme für den Haushalt 2027 vorgemerkt.", Texts(saved["value"]));
        Assert.Equal(["m-wlan"], (await Plan()).Where(m => m.NextBudgetYear).Select(m => m.Id));

        var final = await room.Room.ClickAsync(Lead, "plan.final", new JsonObject { ["agendaId"] = AgendaId });
        Assert.Contains(Texts(final["value"]), t => t.StartsWith("Der Zeit-Maßnahmen-Plan ist jetzt die Endfassung.", StringComparison.Ordinal));
        Assert.Contains("Endfassung seit 23.11.2026 · Haushaltsprioritäten für 2027", Texts(final["value"]));
        Assert.True((await room.Service<FinalRoundStore>().GetStandingAsync(room.Tenant, AgendaId)).IsFinal);
    }

    [Fact]
    public async Task A_voter_can_change_their_ballot_and_sees_only_their_own_choices()
    {
        var roundId = RoundId(await StartAsync("stars", "Wirkung"));
        await VoteAsync(Anna, roundId, ("s_1_0", 1));

        var changed = await VoteAsync(Anna, roundId, ("s_1_0", 5), ("s_2_0", 2));

        Assert.Contains("Ihre Stimme ist geändert.", Texts(changed["value"]));
        Assert.Contains("Bisher abgestimmt: 1", Texts(changed["value"]));
        var closed = await room.Service<FinalRoundStore>().CloseAsync(room.Tenant, AgendaId, roundId, room.Clock.GetUtcNow());
        Assert.Equal(5.0, closed!.Results!.Ranking.Single(r => r.Item == 1).Score, 6);
    }

    [Fact]
    public async Task Only_the_lead_starts_ends_and_orders_and_nothing_changes_on_a_refusal()
    {
        const string OnlyLead = "Die Schlussrunde leitet die Projektleitung der Agenda.";
        var before = room.Room.Connector.Calls.Count;
        await room.Room.SayAsync(Anna, "schlussrunde");
        Assert.Equal(OnlyLead, room.Room.Connector.Calls.Skip(before).Single().Text);
        Assert.Equal(OnlyLead, DraftRoom.Said(await room.Room.ClickAsync(Anna, "finalround.start",
            new JsonObject { ["agendaId"] = AgendaId, ["method"] = "stars" })));

        var roundId = RoundId(await StartAsync("dots", null));
        Assert.Equal(OnlyLead, DraftRoom.Said(await room.Room.ClickAsync(Klaus, "finalround.close", Ref(roundId))));
        Assert.Equal(OnlyLead, DraftRoom.Said(await room.Room.ClickAsync(Klaus, "plan.final", new JsonObject { ["agendaId"] = AgendaId })));

        Assert.True((await room.Service<FinalRoundStore>().GetAsync(room.Tenant, AgendaId, roundId))!.Value.IsOpen);
        Assert.False((await room.Service<FinalRoundStore>().GetStandingAsync(room.Tenant, AgendaId)).IsFinal);
    }

    [Fact]
    public async Task A_ballot_from_another_channel_for_a_stranger_item_or_after_the_end_is_refused()
    {
        var roundId = RoundId(await StartAsync("stars", "Wirkung"));

        var elsewhere = await room.Room.ClickAsync(Anna, "finalround.vote", Ballot(roundId, ("s_1_0", 4)), channelId: "19:anderer-kanal@thread.tacv2");
        Assert.Equal("Abstimmen können Sie nur im Kanal oder Chat, in dem die Schlussrunde gestartet wurde.", DraftRoom.Said(elsewhere));
        var stranger = await VoteAsync(Anna, roundId, ("s_9_0", 4));
        Assert.Contains("9", DraftRoom.Said(stranger), StringComparison.Ordinal);

        await room.Room.ClickAsync(Lead, "finalround.close", Ref(roundId));
        var late = await VoteAsync(Klaus, roundId, ("s_1_0", 4));
        Assert.Contains("Die Schlussrunde ist schon beendet. Ihre Stimme wurde nicht mehr gezählt.", Texts(late["value"]));
        Assert.Null(await room.Service<FinalRoundStore>().GetBallotAsync(room.Tenant, AgendaId, roundId, Klaus.AadObjectId));
        Assert.Equal(0, (await room.Service<FinalRoundStore>().GetAsync(room.Tenant, AgendaId, roundId))!.Value.Results!.Ballots);
    }

    [Fact]
    public async Task The_same_start_click_delivered_twice_is_one_round()
    {
        await StartAsync("stars", null, activityId: "click-start");
        var again = await StartAsync("stars", null, activityId: "click-start");

        Assert.Single(await room.Service<FinalRoundStore>().GetAllAsync(room.Tenant, AgendaId));
        Assert.DoesNotContain("Es läuft schon eine Schlussrunde. Hier ist ihr Stimmzettel.", Texts(again["value"]));
        Assert.Equal(["Wirkung", "Aufwand", "Dringlichkeit"], (await room.Service<FinalRoundStore>().GetAllAsync(room.Tenant, AgendaId)).Single().Criteria);
    }

    [Fact]
    public async Task The_plan_summary_and_the_export_say_draft_then_final()
    {
        Assert.Contains("Entwurf", await ExportTextAsync(), StringComparison.Ordinal);

        await room.Room.ClickAsync(Lead, "plan.final", new JsonObject { ["agendaId"] = AgendaId });

        Assert.Contains("Endfassung seit 23.11.2026", await ExportTextAsync(), StringComparison.Ordinal);
        var (summary, _) = (await room.Service<Features.Plan.PlanSummaryPublisher>().DrawAsync(room.Tenant, AgendaId, default))!.Value;
        Assert.Contains("Endfassung seit 23.11.2026", summary.Body.OfType<Protocol.Cards.TextBlock>().Select(t => t.Text));
    }

    private async Task<string> ExportTextAsync()
    {
        var content = await room.Service<AgendaContentReader>().ReadAsync(room.Tenant, AgendaId, default);
        using var document = WordprocessingDocument.Open(new MemoryStream(AgendaDocument.Build(content!, new Texts(BotCulture.German), new DateOnly(2026, 11, 23))), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    private Task<JsonObject> StartAsync(string method, string? criteria, string? activityId = null)
    {
        var data = new JsonObject { ["agendaId"] = AgendaId, ["method"] = method };
        if (criteria is not null)
        {
            data["criteria"] = criteria;
        }

        return room.Room.ClickAsync(Lead, "finalround.start", data, activityId);
    }

    private Task<JsonObject> VoteAsync(Person who, string roundId, params (string Input, int Value)[] scores) =>
        room.Room.ClickAsync(who, "finalround.vote", Ballot(roundId, scores));

    private JsonObject Ballot(string roundId, params (string Input, int Value)[] scores)
    {
        var data = new JsonObject { ["agendaId"] = AgendaId, ["roundId"] = roundId };
        foreach (var (input, value) in scores)
        {
            data[input] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return data;
    }

    private JsonObject Ref(string roundId) => new() { ["agendaId"] = AgendaId, ["roundId"] = roundId };

    private static string RoundId(JsonObject answer) => answer["value"]!["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();

    // The measure lines of a ballot or result: "1. " and the title, in two text runs of one rich text block.
    private static List<string> Headings(JsonNode? card) => card!["body"]!.AsArray()
        .Where(e => e?["type"]?.GetValue<string>() == "RichTextBlock")
        .Select(e => string.Concat(e!["inlines"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()))).ToList();

    private Task<IReadOnlyList<Measure>> Plan() =>
        room.Service<MeasureRepository>().GetAllAsync(room.Tenant, AgendaId).ContinueWith(t => (IReadOnlyList<Measure>)t.Result.OrderBy(m => m.Priority).ToList(),
            TaskScheduler.Default);

    private JsonNode? LastCard() => room.Room.Connector.Calls.Select(c => c.Card).Last(c => c is not null);
}
