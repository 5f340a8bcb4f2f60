using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using AgendaBot.Testing.Host;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Workshops;

/// <summary>A person in the test town: Teams channel id and Entra object id.</summary>
public sealed record Person(string Name, string ChannelAccountId, string AadObjectId);

/// <summary>
/// A team channel of a test tenant with the real bot in it: people @mention the bot and click card buttons, and
/// the test reads what the bot posted from the recording connector.
/// </summary>
public sealed class WorkshopRoom : IAsyncDisposable
{
    public static readonly Person Lead = new("Petra Hoffmann", "29:petra", "aad-petra");
    public static readonly Person Anna = new("Anna Schulz", "29:anna", "aad-anna");
    public static readonly Person Klaus = new("Klaus Meier", "29:klaus", "aad-klaus");
    public static readonly Person Sabine = new("Sabine Wagner", "29:sabine", "aad-sabine");

    private WorkshopRoom(BotServer bot, RecordingConnector connector, string tenantId, string channelId, string locale)
    {
        Bot = bot;
        Connector = connector;
        TenantId = tenantId;
        ChannelId = channelId;
        Locale = locale;
    }

    public BotServer Bot { get; }
    public RecordingConnector Connector { get; }
    public string TenantId { get; }
    public string ChannelId { get; }
    public string TeamId { get; } = "19:team-hagenow@thread.tacv2";

    /// <summary>The team's Microsoft 365 group: its id in Microsoft Graph.</summary>
    public string TeamAadGroupId { get; } = "0f5e4c3b-2a19-4d8e-9c7b-6a5f4e3d2c1b";

    /// <summary>The Teams client language of everyone in the room.</summary>
    public string Locale { get; }

    /// <param name="time">A fake clock: the room then gets tables of its own (deadlines are kept across tenants).</param>
    /// <param name="callerFilePath">Filled in by the compiler: the cards are named after the calling test, not this class.</param>
    /// <param name="settings">More configuration for the bot (e.g. Graph:*).</param>
    /// <param name="services">Services the test puts into the bot (e.g. its TokenCredential).</param>
    public static async Task<WorkshopRoom> OpenAsync(string channel = "19:workshop-verwaltung@thread.tacv2", string locale = "de-DE",
        TimeProvider? time = null, string? tenantId = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, [CallerFilePath] string callerFilePath = "")
    {
        var connector = await RecordingConnector.StartAsync(callerFilePath);
        var tablePrefix = time is null ? null : $"t{Guid.NewGuid():N}"[..12];
        var bot = settings is null && services is null
            ? StartBot(time, tablePrefix, callerFilePath)
            : new BotServer(settings, services, callerFilePath);
        return new WorkshopRoom(bot, connector, tenantId ?? $"tenant-{Guid.NewGuid():N}", channel, locale)
        {
            tablePrefix = tablePrefix,
            callerFilePath = callerFilePath,
        };
    }

    private string? tablePrefix;
    private string callerFilePath = string.Empty;

    /// <summary>The prefix of the room's own tables (with a fake clock), to read every row the bot stored.</summary>
    public string? TablePrefix => tablePrefix;

    /// <summary>The bot goes down and comes up again (a deploy, a crash): same storage, same channel, new process state.</summary>
    public WorkshopRoom Restarted(TimeProvider? time = null) =>
        new(StartBot(time, tablePrefix, callerFilePath), Connector, TenantId, ChannelId, Locale)
        {
            shareConnector = true, tablePrefix = tablePrefix, callerFilePath = callerFilePath,
        };

    private bool shareConnector;

    // With a fake clock the test drives the deadline watcher itself, so the background pass is kept out of the way.
    private static BotServer StartBot(TimeProvider? time, string? tablePrefix, string callerFilePath) => time is null
        ? new BotServer(callerFilePath: callerFilePath)
        : new BotServer(
            new Dictionary<string, string?>
            {
                ["Voting:DeadlinePollInterval"] = "1.00:00:00", ["Comments:DeadlinePollInterval"] = "1.00:00:00", ["Storage:TablePrefix"] = tablePrefix,
                // A copy of a post that waits for another copy's claim comes back soon, not after a minute.
                ["Delivery:VisibilityTimeout"] = "00:00:02",
            },
            services => services.AddSingleton(time), callerFilePath);

    public JsonObject ChannelActivity(Person from, string type, string? channelId = null)
    {
        var channel = channelId ?? ChannelId;
        var activity = TeamsActivities.Message(Connector.ServiceUrl, string.Empty, Locale, conversationType: "channel",
            conversationId: $"{channel};messageid=1700000000000", fromId: from.ChannelAccountId);
        activity["type"] = type;
        activity["from"] = new JsonObject { ["id"] = from.ChannelAccountId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["conversation"]!["tenantId"] = TenantId;
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId, ["aadGroupId"] = TeamAadGroupId },
            ["channel"] = new JsonObject { ["id"] = channel },
        };
        return activity;
    }

    /// <summary>"@AgendaBot {text}" in the channel.</summary>
    public async Task SayAsync(Person from, string text, string? channelId = null, string? activityId = null)
    {
        var activity = ChannelActivity(from, "message", channelId);
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        activity["text"] = $"<at>AgendaBot</at> {text}";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "AgendaBot" },
            ["text"] = "<at>AgendaBot</at>",
        });
        await Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    /// <summary>The person's personal chat with the bot (no team, no channel), in the room's tenant and language.</summary>
    public JsonObject PersonalActivity(Person from, string type)
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, string.Empty, Locale, "personal", PersonalChatOf(from), from.ChannelAccountId);
        activity["type"] = type;
        activity["from"] = new JsonObject { ["id"] = from.ChannelAccountId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["conversation"]!["tenantId"] = TenantId;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    public static string PersonalChatOf(Person person) => $"a:{person.ChannelAccountId}-personal";

    /// <summary>"{text}" written to the bot in the person's personal chat (no @mention there).</summary>
    public async Task SayPersonallyAsync(Person from, string text)
    {
        var activity = PersonalActivity(from, "message");
        activity["text"] = text;
        await Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    /// <summary>A click on an Action.Execute button of a card in the person's personal chat.</summary>
    public Task<JsonObject> ClickPersonallyAsync(Person from, string verb, JsonObject? data = null) =>
        InvokeAsync(PersonalActivity(from, "invoke"), verb, data, activityId: null);

    /// <summary>A click on an Action.Execute button; returns the invoke response the bot put in the HTTP answer.</summary>
    /// <param name="onMessage">The message the clicked card is in (Teams sends it as replyToId).</param>
    public Task<JsonObject> ClickAsync(Person from, string verb, JsonObject? data = null, string? activityId = null, string? channelId = null,
        string? onMessage = null) =>
        InvokeAsync(ChannelActivity(from, "invoke", channelId), verb, data, activityId, onMessage);

    private async Task<JsonObject> InvokeAsync(JsonObject activity, string verb, JsonObject? data, string? activityId, string? onMessage = null)
    {
        activity["name"] = "adaptiveCard/action";
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        if (onMessage is not null)
        {
            activity["replyToId"] = onMessage;
        }

        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
        };
        var response = await Bot.Http.PostAsJsonAsync("api/messages", activity);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The lead sets up the agenda and opens the workshop "Verwaltung" in this channel; returns the workshop id.</summary>
    public async Task<string> SetUpWorkshopAsync(int capacity = 15)
    {
        await ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow",
            ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe",
            ["statusHere"] = "true",
        });
        await ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = $"{capacity}" });
        var stepCard = Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add");
        return stepCard!["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
    }

    /// <summary>
    /// What a person's Teams shows of a card everyone sees: when the card's refresh names them, Teams asks the bot for
    /// their own view of it (Universal Actions), and they see that; everyone else sees the card as posted.
    /// </summary>
    public async Task<JsonNode> SeenByAsync(Person person, JsonNode card)
    {
        if (card["refresh"] is not { } refresh
            || refresh["userIds"] is JsonArray ids && !ids.Any(id => id?.GetValue<string>() == person.ChannelAccountId)
            || refresh["userIds"] is null)
        {
            return card;
        }

        var response = await ClickAsync(person, refresh["action"]!["verb"]!.GetValue<string>(), refresh["action"]!["data"]!.DeepClone().AsObject());
        return response["value"]!;
    }

    /// <summary>The latest update of a posted message (a PUT on its activity id); null while it was never updated.</summary>
    public JsonNode? LatestUpdateOf(string activityId) =>
        Connector.Calls.LastOrDefault(c => c.Method == "PUT" && c.Card is not null && c.Path.EndsWith("/" + Uri.EscapeDataString(activityId), StringComparison.Ordinal))?.Card;

    /// <summary>The workshop as stored (its posted cards' ids, its counters).</summary>
    public async Task<AgendaBot.Domain.Workshops.Workshop> StoredWorkshopAsync(string workshopId) =>
        (await Bot.Services.GetRequiredService<AgendaBot.Storage.Workshops.WorkshopRepository>()
            .GetAsync(new AgendaBot.Storage.TenantScope(TenantId), workshopId))!.Value;

    /// <summary>Waits until no update of a registration message is running or waiting.</summary>
    public Task RegistrationCardsSettledAsync() => Delivery.Eventually.ReturnsAsync(
        () => Task.FromResult(Bot.Services.GetRequiredService<AgendaBot.Features.Workshops.RegistrationCardUpdates>().IsSettled), settled => settled);

    public Task<JsonObject> RegisterAsync(Person person, string workshopId, string group = "Citizens") =>
        ClickAsync(person, "workshop.register", new JsonObject { ["workshopId"] = workshopId, ["group"] = group });

    public Task<JsonObject> ContributeAsync(Person person, string workshopId, int step, string text, string? activityId = null) =>
        ClickAsync(person, "contribution.add", new JsonObject { ["workshopId"] = workshopId, ["step"] = step, ["text"] = text }, activityId);

    /// <summary>The latest state of the pinboard message (first page), following its updates.</summary>
    public JsonNode? Pinboard()
    {
        var pinboard = Connector.Calls.LastOrDefault(c => c.Card?["body"]?[0]?["text"]?.GetValue<string>() is { } title
            && (title.StartsWith("Pinnwand", StringComparison.Ordinal) || title.StartsWith("Pinboard", StringComparison.Ordinal)));
        return pinboard?.Card;
    }

    /// <summary>Every plain text of the pinboard, text runs included, in order.</summary>
    public string PinboardText() => string.Join("\n", Texts(Pinboard()));

    /// <summary>
    /// Waits until the bot has no pinboard redraw running or waiting: changes in quick succession are shown together by
    /// a trailing redraw a moment later (at most one redraw per workshop and second), and this is the pinboard a person
    /// sees once it has caught up. On a fake clock the trailing redraw waits for the clock: move it on first.
    /// </summary>
    public Task PinboardSettledAsync() => Delivery.Eventually.ReturnsAsync(
        () => Task.FromResult(Bot.Services.GetRequiredService<AgendaBot.Features.Contributions.PinboardPublisher>().IsSettled), settled => settled);

    /// <summary>The pinboard once the bot has shown every change (see <see cref="PinboardSettledAsync"/>).</summary>
    public async Task<JsonNode?> PinboardAsync()
    {
        await PinboardSettledAsync();
        return Pinboard();
    }

    public async Task<string> PinboardTextAsync()
    {
        await PinboardSettledAsync();
        return PinboardText();
    }

    public static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when o["text"] is JsonValue v && v.TryGetValue<string>(out var text) => [text, .. o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))],
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    /// <summary>
    /// Waits until the outbox has nothing left to deliver, so what was not sent by then will not be. On a fake clock the
    /// delivery worker sleeps on that clock between polls, so the clock is moved on a second at a time to wake it.
    /// </summary>
    public Task DeliveredAllAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) => Delivery.Eventually.ReturnsAsync(
        async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return (await Bot.Services.GetRequiredService<Storage.Delivery.DeliveryStorage>().Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        },
        n => n == 0);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        if (!shareConnector)
        {
            await Connector.DisposeAsync();
        }
    }
}
