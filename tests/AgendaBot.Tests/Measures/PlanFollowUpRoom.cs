using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Measures;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// A workshop that reached step 6, on tables and an outbox queue of its own (so reminder passes over every agenda see
/// only this one), with the real delivery worker sending to the recording connector.
/// </summary>
public sealed class PlanFollowUpRoom : IAsyncDisposable
{
    public const string AnnasChat = "a:anna-personal";

    private PlanFollowUpRoom(WorkshopRoom room, string workshopId)
    {
        Room = room;
        WorkshopId = workshopId;
    }

    public WorkshopRoom Room { get; }

    public string WorkshopId { get; }

    public string AgendaId => Room.TeamId;

    public TenantScope Tenant => new(Room.TenantId);

    public T Get<T>() where T : notnull => Room.Bot.Services.GetRequiredService<T>();

    /// <summary>Agenda, workshop "Verwaltung" with Anna and Klaus registered, one measure proposed in step 5, now in step 6.</summary>
    public static async Task<PlanFollowUpRoom> OpenAsync(string locale = "de-DE")
    {
        var room = await WorkshopRoom.OpenAsync(locale: locale, time: TimeProvider.System);
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "PublicAdministration");
        await room.RegisterAsync(Klaus, workshop, "Business");
        for (var step = 1; step <= 5; step++)
        {
            if (step == 5)
            {
                await room.ContributeAsync(Anna, workshop, 5, "Online-Terminvergabe im Bürgerbüro");
            }

            await room.ClickAsync(Lead, "step.close", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
            await room.ClickAsync(Lead, "step.advance", new JsonObject { ["workshopId"] = workshop, ["step"] = step });
        }

        return new PlanFollowUpRoom(room, workshop);
    }

    /// <summary>The lead plans proposal #1 in step 6 with Anna as its owner.</summary>
    public Task<JsonObject> PlanAsync(string owner = "aad-anna") =>
        Room.ClickAsync(Lead, "plan.save", new JsonObject
        {
            ["workshopId"] = WorkshopId, ["step"] = 6, ["measure"] = "1", ["owner"] = owner,
            ["start"] = "2027-01-15", ["end"] = "2027-12-31",
        }.WithMilestones(("2027-03-31", "Ausschreibung")).WithIndicators(("Online gebuchte Termine", "Prozent", "0", "60")));

    public async Task<Measure> TheMeasureAsync() => Assert.Single(await Get<MeasureRepository>().GetAllAsync(Tenant, AgendaId));

    /// <summary>A click on the status card's "Stand speichern".</summary>
    public Task<JsonObject> ReportAsync(Person who, string measureId, string status, string progress, string? indicator = null, string? activityId = null)
    {
        var data = new JsonObject { ["agendaId"] = AgendaId, ["measureId"] = measureId, ["status"] = status, ["progress"] = progress };
        if (indicator is not null)
        {
            data["indicator0"] = indicator;
        }

        return Room.ClickAsync(who, "measure.update", data, activityId);
    }

    /// <summary>The bot was installed in Anna's personal chat: proactive posts to her can go there.</summary>
    public Task InstallForAnnaAsync() =>
        Get<ConversationReferenceRepository>().SaveAsync(new ConversationReference(
            Room.TenantId, AnnasChat, Room.Connector.ServiceUrl, "28:agendabot", "personal", null, null, Anna.AadObjectId, DateTimeOffset.UtcNow));

    /// <summary>A measure stored directly, as if last changed at <paramref name="at"/>.</summary>
    public Task AddMeasureAsync(string id, string title, Person owner, DateTimeOffset at) =>
        Get<MeasureRepository>().CreateAsync(Tenant, new Measure
        {
            Id = id, AgendaId = AgendaId, Title = title, Owner = new TeamsUser(owner.AadObjectId, owner.Name),
            Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 6, 30),
        }, new TeamsUser(Lead.AadObjectId, Lead.Name), at);

    /// <summary>Anna writes in her personal chat with the bot, her Teams client set to <paramref name="locale"/> (default: the room's).</summary>
    public async Task SayPersonallyAsync(string text, string? locale = null)
    {
        var activity = AnnasActivity("message", locale);
        activity["text"] = text;
        await Room.Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    /// <summary>Teams tells the bot it was installed in Anna's personal chat, her client set to <paramref name="locale"/>.</summary>
    public async Task InstallForAnnaFromTeamsAsync(string locale)
    {
        var activity = AnnasActivity("installationUpdate", locale);
        activity["action"] = "add";
        await Room.Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    private JsonObject AnnasActivity(string type, string? locale)
    {
        var activity = Room.ChannelActivity(Anna, type);
        activity["conversation"] = new JsonObject { ["id"] = AnnasChat, ["conversationType"] = "personal", ["tenantId"] = Room.TenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Room.TenantId } };
        activity["locale"] = locale ?? Room.Locale;
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale ?? Room.Locale });
        return activity;
    }

    /// <summary>Calls that carry a card whose plain texts contain <paramref name="text"/>.</summary>
    public IReadOnlyList<Testing.ConnectorCall> CallsWith(string text) =>
        Room.Connector.Calls.Where(c => c.Card is { } card && CardText(card).Contains(text, StringComparison.Ordinal)).ToList();

    public static string CardText(JsonNode? card) => string.Join("\n", Texts(card));

    /// <summary>Until the outbox queue is empty (delivered, dropped as a duplicate or parked).</summary>
    public Task WaitForEmptyOutboxAsync() =>
        Delivery.Eventually.ReturnsAsync(async () => (await Get<DeliveryStorage>().Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount, n => n == 0);

    public ValueTask DisposeAsync() => Room.DisposeAsync();
}
