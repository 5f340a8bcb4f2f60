using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Features.Comments;
using AgendaBot.Storage;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using AgendaBot.Testing;
using AgendaBot.Tests.Delivery;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// An agenda with a workshop of three participants and two planned measures, on a fake clock. The lead, Anna and
/// Klaus have a personal chat with the bot; Sabine never opened one.
/// </summary>
internal sealed class DraftRoom : IAsyncDisposable
{
    public const string Deadline = "2026-12-04";
    public const string Terminvergabe = "Online-Terminvergabe im Bürgerbüro";
    public const string Wlan = "Freies WLAN im Rathaus";

    private DraftRoom(WorkshopRoom room, FakeTimeProvider clock)
    {
        Room = room;
        Clock = clock;
    }

    public WorkshopRoom Room { get; }

    public FakeTimeProvider Clock { get; }

    public TenantScope Tenant => new(Room.TenantId);

    public T Service<T>() where T : notnull => Room.Bot.Services.GetRequiredService<T>();

    public static string ChatOf(Person person) => $"a:{person.ChannelAccountId}-personal";

    /// <param name="callerFilePath">Filled in by the compiler: the cards are named after the calling test.</param>
    public static async Task<DraftRoom> OpenAsync([System.Runtime.CompilerServices.CallerFilePath] string callerFilePath = "")
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var room = await WorkshopRoom.OpenAsync(time: clock, callerFilePath: callerFilePath);
        var draft = new DraftRoom(room, clock);
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegisterAsync(Klaus, workshop, "Companies");
        await room.RegisterAsync(Sabine, workshop, "Citizens");
        foreach (var person in new[] { Lead, Anna, Klaus })
        {
            await draft.Service<ConversationReferenceRepository>().SaveAsync(new ConversationReference(room.TenantId, ChatOf(person),
                room.Connector.ServiceUrl, TeamsActivities.BotId, "personal", null, null, person.AadObjectId, clock.GetUtcNow()));
        }

        var lead = new TeamsUser(Lead.AadObjectId, Lead.Name);
        var measures = draft.Service<MeasureRepository>();
        await measures.CreateAsync(draft.Tenant, new Measure { Id = "m-termine", AgendaId = room.TeamId, Title = Terminvergabe, Priority = 1 }, lead, clock.GetUtcNow());
        await measures.CreateAsync(draft.Tenant, new Measure { Id = "m-wlan", AgendaId = room.TeamId, Title = Wlan, Priority = 2 }, lead, clock.GetUtcNow());
        return draft;
    }

    /// <summary>The lead clicks "Entwurf versenden" on the set-up card.</summary>
    public Task<JsonObject> SendDraftAsync(string deadline = Deadline, string? activityId = null, Person? by = null) =>
        Room.ClickAsync(by ?? Lead, "draft.send", new JsonObject { ["agendaId"] = Room.TeamId, ["deadline"] = deadline }, activityId);

    /// <summary>The drafts that reached a person's personal chat.</summary>
    public IReadOnlyList<JsonNode> DraftsFor(Person person) => CardsIn(ChatOf(person), "Entwurf zur Kommentierung");

    public IReadOnlyList<JsonNode> CommentReportsFor(Person person) => CardsIn(ChatOf(person), "Kommentare zum Entwurf");

    /// <summary>The cards in a person's personal chat whose first text starts with <paramref name="title"/>, in any language.</summary>
    public IReadOnlyList<JsonNode> CardsFor(Person person, string title) => CardsIn(ChatOf(person), title);

    /// <summary>The person writes in their personal chat, their Teams client set to <paramref name="locale"/>.</summary>
    public async Task SayPersonallyAsync(Person person, string text, string locale)
    {
        var activity = Room.PersonalActivity(person, "message");
        activity["text"] = text;
        activity["locale"] = locale;
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale });
        await Room.Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    public Task<IReadOnlyList<JsonNode>> WaitForDraftsAsync(Person person, int count = 1) =>
        Eventually.ReturnsAsync(() => Task.FromResult(DraftsFor(person)), d => d.Count >= count);

    /// <summary>Waits until the outbox has nothing left to deliver, so that what was not sent by then will not be.</summary>
    public Task DeliveredAllAsync(WorkshopRoom? bot = null) => (bot ?? Room).DeliveredAllAsync(Clock);

    /// <summary>The round the drafts that went out belong to, as their button names it.</summary>
    public string RoundId() => DraftsFor(Anna).Concat(DraftsFor(Klaus)).First()["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();

    /// <summary>A person clicks "Kommentare senden" on the draft in their personal chat, with these comments per measure.</summary>
    public async Task<JsonObject> CommentAsync(Person person, string roundId, string? first, string? second = null, string? activityId = null)
    {
        var data = new JsonObject { ["agendaId"] = Room.TeamId, ["roundId"] = roundId, ["c_0"] = first ?? string.Empty, ["c_1"] = second ?? string.Empty };
        var activity = TeamsActivities.Message(Room.Connector.ServiceUrl, string.Empty, Room.Locale, "personal", ChatOf(person), person.ChannelAccountId);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["id"] = activityId ?? Guid.NewGuid().ToString("N");
        activity["from"] = new JsonObject { ["id"] = person.ChannelAccountId, ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId };
        activity["conversation"]!["tenantId"] = Room.TenantId;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Room.TenantId } };
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "draft.comment", ["data"] = data },
        };
        var response = await Room.Bot.Http.PostAsJsonAsync("api/messages", activity);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public CommentDeadlineWatcher Watcher(WorkshopRoom? bot = null) =>
        (bot ?? Room).Bot.Services.GetServices<IHostedService>().OfType<CommentDeadlineWatcher>().Single();

    public static string Said(JsonObject answer) => answer["value"] is JsonValue value ? value.GetValue<string>() : string.Join("\n", Texts(answer["value"]));

    private List<JsonNode> CardsIn(string conversation, string title) => Room.Connector.Calls
        .Where(c => c.Path.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal) || c.Path.Contains(conversation, StringComparison.Ordinal))
        .Select(c => c.Card).OfType<JsonNode>()
        .Where(card => Texts(card).FirstOrDefault()?.StartsWith(title, StringComparison.Ordinal) == true).ToList();

    public async ValueTask DisposeAsync() => await Room.DisposeAsync();
}
