using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;

namespace AgendaBot.Reliability.Tests;

/// <summary>A person in the test town: Teams channel account id and Entra object id.</summary>
public sealed record Person(string Name, string ChannelAccountId, string AadObjectId)
{
    public static Person Numbered(int n) => new($"Person {n}", $"29:person-{n}", $"aad-person-{n}");
}

/// <summary>Where an activity comes from: the workshop's channel, another channel of the team, a group chat, a personal chat.</summary>
public enum Scope
{
    Channel,
    OtherChannel,
    GroupChat,
    Personal,
}

/// <summary>
/// A team of a test tenant talking to a running bot over HTTP (in this process or another one): people @mention the bot
/// and click card buttons; what the bot posts arrives at the recording connector.
/// </summary>
public sealed class Room(HttpClient bot, RecordingConnector connector, string? tenantId = null)
{
    public static readonly Person Lead = new("Petra Hoffmann", "29:petra", "aad-petra");
    public static readonly Person Moderator = new("Maria Krüger", "29:maria", "aad-maria");
    public static readonly Person Anna = new("Anna Schulz", "29:anna", "aad-anna");
    public static readonly Person Klaus = new("Klaus Meier", "29:klaus", "aad-klaus");
    public static readonly Person Stranger = new("Jürgen Becker", "29:juergen", "aad-juergen");

    public HttpClient Bot { get; } = bot;
    public RecordingConnector Connector { get; } = connector;
    public string TenantId { get; } = tenantId ?? $"tenant-{Guid.NewGuid():N}";
    public string TeamId { get; } = "19:team-hagenow@thread.tacv2";
    public string ChannelId { get; init; } = "19:workshop-verwaltung@thread.tacv2";

    public JsonObject Activity(Person from, string type, Scope scope = Scope.Channel)
    {
        var (conversationType, conversation) = scope switch
        {
            Scope.Channel => ("channel", $"{ChannelId};messageid=1700000000000"),
            Scope.OtherChannel => ("channel", "19:other-channel@thread.tacv2;messageid=1700000000001"),
            Scope.GroupChat => ("groupChat", "19:group-chat@thread.v2"),
            _ => ("personal", $"a:personal-{from.AadObjectId}"),
        };
        var activity = TeamsActivities.Message(Connector.ServiceUrl, string.Empty, "de-DE", conversationType, conversation, from.ChannelAccountId);
        activity["type"] = type;
        activity["from"] = new JsonObject { ["id"] = from.ChannelAccountId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["conversation"]!["tenantId"] = TenantId;
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (scope is Scope.Channel or Scope.OtherChannel)
        {
            channelData["team"] = new JsonObject { ["id"] = TeamId };
            channelData["channel"] = new JsonObject { ["id"] = conversation.Split(';')[0] };
        }

        activity["channelData"] = channelData;
        return activity;
    }

    public JsonObject Message(Person from, string text, Scope scope = Scope.Channel)
    {
        var activity = Activity(from, "message", scope);
        if (scope == Scope.Personal)
        {
            activity["text"] = text;
            return activity;
        }

        activity["text"] = $"<at>AgendaBot</at> {text}";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "AgendaBot" },
            ["text"] = "<at>AgendaBot</at>",
        });
        return activity;
    }

    public JsonObject Click(Person from, string verb, JsonObject? data = null, Scope scope = Scope.Channel, string? activityId = null)
    {
        var activity = Activity(from, "invoke", scope);
        activity["name"] = "adaptiveCard/action";
        if (activityId is not null)
        {
            activity["id"] = activityId;
        }

        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
        };
        return activity;
    }

    public Task<HttpResponseMessage> PostAsync(JsonNode activity) => Bot.PostAsJsonAsync("api/messages", activity);

    public Task<HttpResponseMessage> SayAsync(Person from, string text, Scope scope = Scope.Channel) => PostAsync(Message(from, text, scope));

    /// <summary>A click on an Action.Execute button; returns the invoke response the bot put in the HTTP answer.</summary>
    public async Task<JsonObject> ClickAsync(Person from, string verb, JsonObject? data = null, Scope scope = Scope.Channel, string? activityId = null)
    {
        var response = await PostAsync(Click(from, verb, data, scope, activityId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The lead sets up the agenda; <paramref name="moderator"/> opens the workshop "Verwaltung" and so moderates it.</summary>
    public async Task<string> SetUpWorkshopAsync(Person moderator, int capacity = 40)
    {
        await ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Hagenow",
            ["fieldsOfAction"] = "Verwaltung\nTourismus/Mobilität\nEinzelhandel/Gewerbe",
            ["statusHere"] = "true",
        });
        await ClickAsync(moderator, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = $"{capacity}" });
        var stepCard = Connector.Calls.Select(c => c.Card).Last(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add");
        return stepCard!["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
    }

    public Task<JsonObject> RegisterAsync(Person person, string workshopId, string group = "Citizens") =>
        ClickAsync(person, "workshop.register", new JsonObject { ["workshopId"] = workshopId, ["group"] = group });

    public Task<JsonObject> ContributeAsync(Person person, string workshopId, string text, int step = 1) =>
        ClickAsync(person, "contribution.add", new JsonObject { ["workshopId"] = workshopId, ["step"] = step, ["text"] = text });

    public static JsonObject StartVoteData(string workshopId) => new()
    {
        ["workshopId"] = workshopId, ["step"] = 1, ["items"] = "1,2,3", ["method"] = "stars", ["criteria"] = "Bewertung",
        ["points"] = "5", ["maxPerItem"] = "3", ["anonymous"] = "false",
    };

    /// <summary>Starts a star vote on items 1–3 of step 1; returns the round id from the ballot card.</summary>
    public async Task<string> StartVoteAsync(Person by, string workshopId)
    {
        await ClickAsync(by, "vote.start", StartVoteData(workshopId));
        return BallotCard()!["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();
    }

    public static JsonObject Ballot(string workshopId, string roundId, params (int Item, int Stars)[] stars)
    {
        var data = new JsonObject { ["workshopId"] = workshopId, ["roundId"] = roundId };
        foreach (var (item, value) in stars)
        {
            data[$"s_{item}_0"] = $"{value}";
        }

        return data;
    }

    public static JsonObject RoundData(string workshopId, string roundId) => new() { ["workshopId"] = workshopId, ["roundId"] = roundId };

    /// <summary>The latest state of the ballot card in the channel (posted, then updated in place).</summary>
    public JsonNode? BallotCard() =>
        Connector.Calls.Select(c => c.Card).LastOrDefault(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "vote.cast");

    /// <summary>Results posts ("Ergebnis: …") the bot sent.</summary>
    public IReadOnlyList<JsonNode?> ResultsPosts() =>
        Connector.Calls.Select(c => c.Card).Where(c => Texts(c).Any(t => t.StartsWith("Ergebnis:", StringComparison.Ordinal))).ToList();

    /// <summary>The toast text of an invoke answer, or null when the bot answered with a card.</summary>
    public static string? Toast(JsonObject answer) => answer["value"] is JsonValue value ? value.GetValue<string>() : null;

    public static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o when o["text"] is JsonValue v && v.TryGetValue<string>(out var text) => [text, .. o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))],
        JsonObject o => o.SelectMany(p => Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
