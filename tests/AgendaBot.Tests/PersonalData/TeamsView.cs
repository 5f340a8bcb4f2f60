using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Tests.Workshops;

namespace AgendaBot.Tests.PersonalData;

/// <summary>
/// What people see in the room's conversations: every message the bot posted, in its latest version — following
/// updates through the connector (same activity id) and cards that a click replaced (the invoke's answer replaces the
/// card the click came from). Personal chats are left out: they are nobody else's view.
/// </summary>
internal sealed class TeamsView(WorkshopRoom room)
{
    private readonly List<(DateTimeOffset At, string ActivityId, JsonNode? Card)> replaced = [];

    /// <summary>The card of a message as Teams shows it now, and when and how it last changed (an update of the same id through the connector, or not).</summary>
    public sealed record Message(string ActivityId, JsonNode? Card, bool LastChangeWasUpdate, DateTimeOffset LastChange)
    {
        public string Text => string.Join("\n", WorkshopRoom.Texts(Card));

        /// <summary>The bot updated this very message through the connector after <paramref name="moment"/>.</summary>
        public bool UpdatedInPlaceAfter(DateTimeOffset moment) => LastChangeWasUpdate && LastChange > moment;
    }

    /// <summary>The id Teams gave the message a connector call posted: the recording connector numbers its answers.</summary>
    public static string IdOfCall(int index) => $"activity-{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyDictionary<string, Message> Messages()
    {
        var messages = new Dictionary<string, Message>(StringComparer.Ordinal);
        var calls = room.Connector.Calls;
        var changes = new List<(DateTimeOffset At, string Id, JsonNode? Card, bool Update)>();
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            if (call.Card is null || call.Path.Contains("-personal", StringComparison.Ordinal) || !call.Path.Contains("/activities", StringComparison.Ordinal))
            {
                continue;
            }

            changes.Add(call.Method == "PUT"
                ? (call.At, Uri.UnescapeDataString(call.Path[(call.Path.LastIndexOf('/') + 1)..]), call.Card, true)
                : (call.At, IdOfCall(i), call.Card, false));
        }

        changes.AddRange(replaced.Select(r => (r.At, r.ActivityId, r.Card, false)));
        foreach (var (at, id, card, update) in changes.OrderBy(c => c.At))
        {
            messages[id] = new Message(id, card, update, at);
        }

        return messages;
    }

    public IReadOnlyList<Message> Naming(string name) => Messages().Values.Where(m => m.Text.Contains(name, StringComparison.Ordinal)).ToList();

    /// <summary>The id of the latest message whose card has a button with this verb.</summary>
    public string IdOfCardWith(string verb) => Messages().Values
        .Where(m => m.Card?["actions"]?.AsArray().Any(a => a?["verb"]?.GetValue<string>() == verb) == true)
        .OrderBy(m => m.LastChange).Last().ActivityId;

    /// <summary>A click on a button of the message <paramref name="activityId"/> in the channel; a card in the answer replaces it.</summary>
    public async Task<JsonObject> ClickOnAsync(Person from, string activityId, string verb, JsonObject data)
    {
        var activity = room.ChannelActivity(from, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = activityId;
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        var response = await room.Bot.Http.PostAsJsonAsync("api/messages", activity);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (answer["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
        {
            replaced.Add((DateTimeOffset.UtcNow, activityId, answer["value"]?.DeepClone()));
        }

        return answer;
    }
}
