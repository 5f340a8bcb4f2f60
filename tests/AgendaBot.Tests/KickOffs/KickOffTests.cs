using System.Text.Json.Nodes;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.KickOffs;

/// <summary>
/// The kick-off: the project lead sets the framework (goals, fields of action, workshop dates), people join with their
/// stakeholder group and bring first ideas, a moderator assigns them to fields, and the workshop of a field starts with them.
/// </summary>
public sealed class KickOffTests : IAsyncLifetime
{
    private const string Idea = "Termine im Bürgerbüro online buchen";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;

    private TenantScope Tenant => new(room.TenantId);

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync(time: clock);
        await room.ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow", ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe", ["statusHere"] = "true",
        });
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_lead_opens_the_kick_off_people_join_and_an_assigned_idea_starts_its_workshop()
    {
        await room.SayAsync(Lead, "kickoff");
        Assert.Contains("Kick-off vorbereiten", Texts(LastCard()));

        var board = await OpenAsync();
        var lines = Texts(board["value"]).ToList();
        Assert.Contains("Verwaltung: Workshop am 10.02.2027 um 09:00 Uhr", lines);
        Assert.Contains("Tourismus/Mobilität: noch kein Termin", lines);
        Assert.Contains("Verwaltung digital und bürgernah machen", lines);

        var joined = await room.ClickAsync(Anna, "kickoff.join", Data(("group", "PublicAdministration")));
        Assert.Contains("Dabei: 1", Texts(joined["value"]));
        await room.ClickAsync(Klaus, "kickoff.join", Data(("group", "Companies")));
        var added = await room.ClickAsync(Klaus, "kickoff.idea", Data(("idea", Idea)), activityId: "idea-click");
        Assert.Contains(Idea, Texts(added["value"]));
        Assert.Contains("  – Klaus Meier, noch keinem Handlungsfeld zugeordnet", Texts(added["value"]));
        Assert.Contains("Dabei: 2", Texts(added["value"]));
        Assert.Contains(Texts(added["value"]), t => t.StartsWith("Es fehlen noch: ", StringComparison.Ordinal) && !t.Contains("Unternehmen", StringComparison.Ordinal));

        var ideaId = Assert.Single(await room.Bot.Services.GetRequiredService<KickOffStore>().GetIdeasAsync(Tenant, room.TeamId)).Value.Id;
        var refused = await room.ClickAsync(Anna, "kickoff.assign", Data(("assignIdea", ideaId), ("assignField", "Verwaltung")));
        Assert.Equal("Ideen ordnen die Projektleitung und die Moderation zu.", refused["value"]?.GetValue<string>());
        var assigned = await room.ClickAsync(Lead, "kickoff.assign", Data(("assignIdea", ideaId), ("assignField", "Verwaltung")));
        Assert.Contains("Die Idee gehört jetzt zum Handlungsfeld „Verwaltung“.", Texts(assigned["value"]));

        await room.ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "15" });

        var workshopId = WorkshopFinderIds.Of(room);
        var contribution = Assert.Single(await room.Bot.Services.GetRequiredService<WorkshopRepository>().GetContributionsAsync(Tenant, workshopId));
        Assert.Equal((Domain.Workshops.WorkshopStep.StatusQuo, Idea, Klaus.AadObjectId, Domain.Workshops.ContributionOrigin.KickOff),
            (contribution.Step, contribution.Text, contribution.Author.Id, contribution.Origin));
        Assert.Contains(room.Connector.Calls, c => Texts(c.Card).Contains(Idea) && Texts(c.Card).Contains("  – Klaus Meier, Idee aus dem Kick-off"));
        Assert.True((await room.Bot.Services.GetRequiredService<KickOffStore>().GetIdeasAsync(Tenant, room.TeamId)).Single().Value.TakenIn);
    }

    [Fact]
    public async Task The_same_idea_click_delivered_twice_is_one_idea_and_an_empty_one_is_refused()
    {
        await OpenAsync();

        await room.ClickAsync(Klaus, "kickoff.idea", Data(("idea", Idea)), activityId: "idea-click");
        await room.ClickAsync(Klaus, "kickoff.idea", Data(("idea", Idea)), activityId: "idea-click");
        var empty = await room.ClickAsync(Klaus, "kickoff.idea", Data(("idea", "  ")));

        Assert.Single(await room.Bot.Services.GetRequiredService<KickOffStore>().GetIdeasAsync(Tenant, room.TeamId));
        Assert.Equal("Bitte schreiben Sie Ihre Idee in das Feld.", empty["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_lead_opens_the_kick_off()
    {
        var before = room.Connector.Calls.Count;
        await room.SayAsync(Anna, "kickoff");
        var refused = await room.ClickAsync(Anna, "kickoff.open", new JsonObject { ["agendaId"] = room.TeamId, ["goals"] = "Alles digital" });

        Assert.Equal("Den Kick-off eröffnet die Projektleitung der Agenda.", room.Connector.Calls.Skip(before).Single().Text);
        Assert.Equal("Den Kick-off eröffnet die Projektleitung der Agenda.", refused["value"]?.GetValue<string>());
        Assert.Null(await room.Bot.Services.GetRequiredService<KickOffStore>().GetAsync(Tenant, room.TeamId));
    }

    [Fact]
    public async Task The_weekly_post_lists_the_planned_workshops_until_their_day_has_passed()
    {
        await OpenAsync();
        var agenda = (await room.Bot.Services.GetRequiredService<AgendaRepository>().GetAsync(Tenant, room.TeamId))!.Value;
        var report = room.Bot.Services.GetRequiredService<IWeeklyReport>();

        var before = await report.ProduceAsync(Tenant, agenda, new WeeklyOccurrence(clock.GetUtcNow(), "2026-W48"), default);
        clock.SetUtcNow(new DateTimeOffset(2027, 2, 15, 9, 0, 0, TimeSpan.Zero));
        var after = await report.ProduceAsync(Tenant, agenda, new WeeklyOccurrence(clock.GetUtcNow(), "2027-W07"), default);

        var card = before[0].Activity.Attachments![0].Content!.Value.GetRawText();
        Assert.Contains("Geplante Workshops", card, StringComparison.Ordinal);
        Assert.Contains("Verwaltung: Workshop am 10.02.2027", card, StringComparison.Ordinal);
        Assert.Contains("Einzelhandel/Gewerbe: Workshop am 03.03.2027", card, StringComparison.Ordinal);
        var later = after[0].Activity.Attachments![0].Content!.Value.GetRawText();
        Assert.DoesNotContain("Verwaltung: Workshop am 10.02.2027", later, StringComparison.Ordinal);
        Assert.Contains("Einzelhandel/Gewerbe: Workshop am 03.03.2027", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Being_at_the_kick_off_and_its_ideas_are_named_in_my_data()
    {
        await OpenAsync();
        await room.ClickAsync(Klaus, "kickoff.join", Data(("group", "Companies")));
        await room.ClickAsync(Klaus, "kickoff.idea", Data(("idea", Idea)));

        await room.SayPersonallyAsync(Klaus, "meine daten");

        var card = room.Connector.Calls.Last(c => c.Card is not null && Uri.UnescapeDataString(c.Path).Contains(PersonalChatOf(Klaus), StringComparison.Ordinal)).Card;
        var said = Texts(card).ToList();
        Assert.Contains(said, t => t.Contains("Kick-off der Agenda „Digitale Agenda Hagenow“, Gruppe „Unternehmen“", StringComparison.Ordinal));
        Assert.Contains(said, t => t.Contains("Ihre Idee beim Kick-off der Agenda „Digitale Agenda Hagenow“", StringComparison.Ordinal));
    }

    private Task<JsonObject> OpenAsync() => room.ClickAsync(Lead, "kickoff.open", new JsonObject
    {
        ["agendaId"] = room.TeamId, ["goals"] = "Verwaltung digital und bürgernah machen", ["date_0"] = "2027-02-10", ["date_2"] = "2027-03-03",
    });

    private JsonObject Data(params (string Name, string Value)[] inputs)
    {
        var data = new JsonObject { ["agendaId"] = room.TeamId };
        foreach (var (name, value) in inputs)
        {
            data[name] = value;
        }

        return data;
    }

    private JsonNode? LastCard() => room.Connector.Calls.Select(c => c.Card).Last(c => c is not null);

    private static class WorkshopFinderIds
    {
        public static string Of(WorkshopRoom room) => Features.Workshops.WorkshopFinder.WorkshopIdFor(room.TenantId, room.ChannelId);
    }
}
