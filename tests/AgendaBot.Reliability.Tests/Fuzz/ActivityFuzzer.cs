using System.Text;
using System.Text.Json.Nodes;

namespace AgendaBot.Reliability.Tests.Fuzz;

/// <summary>One request of the fuzz run: what kind of damage it carries, and the bytes posted.</summary>
public sealed record FuzzCase(string Kind, byte[] Body);

/// <summary>The workshop the fuzz run attacks: its ids and a room to build activities in.</summary>
public sealed record FuzzTarget(Room Room, Room OtherTenant, string WorkshopId, string RoundId);

/// <summary>
/// A seeded generator of activities that must all be refused: malformed, truncated, oversized and type-confused bodies,
/// and well-formed card clicks and commands with tampered payloads from people who may not do them. Nothing it makes is
/// a legitimate action (no valid ballot, contribution or registration by an allowed person), so none may change stored
/// state — except the conversation references that installation and membership events write by design.
/// </summary>
public sealed class ActivityFuzzer(int seed, FuzzTarget target)
{
    private static readonly string[] Verbs =
    [
        "help.show", "agenda.create", "workshop.open", "workshop.register", "contribution.add", "step.close", "step.advance",
        "step.reopen", "plan.save", "plan.addRow", "vote.start", "vote.cast", "vote.close", "vote.details", "personalData.erase", "no.such.verb", "",
    ];

    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "serviceUrl", "channelId", "from", "recipient", "conversation", "text", "textFormat",
        "locale", "entities", "channelData", "value", "name", "replyToId", "action", "membersAdded",
    ];

    private readonly Random random = new(seed);
    private Room Room => target.Room;

    public IEnumerable<FuzzCase> Cases(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private FuzzCase Next() => random.Next(12) switch
    {
        10 or 11 => OddShape(),
        0 => Truncated(),
        1 => InvalidUtf8(),
        2 or 3 => TypeConfused(),
        4 => DeeplyNested(),
        5 => Oversized(),
        6 or 7 => TamperedClick(),
        8 => ForbiddenCommand(),
        _ => OtherActivityType(),
    };

    /// <summary>The card data of a click, if the activity (maybe already damaged) still has one.</summary>
    private static JsonObject? DataOf(JsonObject activity) =>
        activity["value"] is JsonObject { } value && value["action"] is JsonObject { } action ? action["data"] as JsonObject : null;

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private FuzzCase Truncated()
    {
        var whole = Bytes(TamperedClickActivity());
        return new("truncated", whole[..random.Next(whole.Length)]);
    }

    private FuzzCase InvalidUtf8()
    {
        var whole = Bytes(Room.Message(Room.Stranger, "idee Sonderzeichen")); // a stranger: refused even when the damage is tolerated
        var at = random.Next(whole.Length);
        byte[] bad = random.Next(3) switch
        {
            0 => [0xC3, 0x28],
            1 => [0xFF, 0xFE, 0xFD],
            _ => [0xED, 0xA0, 0x80], // an encoded surrogate
        };
        return new("invalid-utf8", [.. whole[..at], .. bad, .. whole[at..]]);
    }

    private FuzzCase TypeConfused()
    {
        var activity = random.Next(2) == 0 ? TamperedClickActivity() : ForbiddenCommandActivity();
        var field = Fields[random.Next(Fields.Length)];
        JsonNode? container = random.Next(3) switch
        {
            0 => activity,
            1 => activity["from"] ?? activity,
            _ => DataOf(activity) ?? activity["conversation"],
        };
        if (container is JsonObject target)
        {
            target[field] = WrongValue();
        }

        return new("type-confused", Bytes(activity));
    }

    private FuzzCase DeeplyNested()
    {
        var depth = random.Next(2) == 0 ? random.Next(10, 60) : random.Next(65, 5000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var activity = TamperedClickActivity().ToJsonString();
        var body = activity.Replace("\"data\":{", $"\"data\":{{\"deep\":{nested},", StringComparison.Ordinal);
        return new("deep-nesting", Encoding.UTF8.GetBytes(body));
    }

    private FuzzCase Oversized()
    {
        // Around the 256 KiB limit: some just below (handled and refused), most above (413).
        var length = random.Next(3) == 0 ? random.Next(1_000, 200_000) : random.Next(270_000, 2_000_000);
        var activity = random.Next(2) == 0 ? ForbiddenCommandActivity() : TamperedClickActivity();
        if (DataOf(activity) is { } data)
        {
            data["text"] = HugeString(length);
        }
        else
        {
            activity["text"] = $"<at>AgendaBot</at> idee {HugeString(length)}";
        }

        return new("oversized", Bytes(activity));
    }

    /// <summary>
    /// A refused click or command with a shape that once reached past the parser: a service URL of another scheme, a
    /// relative one or plain http to a remote host (the bot would post there), entities that are no objects, deep arrays.
    /// Never an https URL of a remote host: that would be accepted and the bot's answer would leave the machine.
    /// </summary>
    private FuzzCase OddShape()
    {
        var activity = random.Next(2) == 0 ? TamperedClickActivity() : ForbiddenCommandActivity();
        var shape = random.Next(3);
        if (shape is 0 or 2)
        {
            activity["serviceUrl"] = Pick("javascript:alert(1)", "file:///etc/passwd", "ftp://127.0.0.1/v3", "data:text/plain,hallo",
                "/v3/conversations", "relative/path", "http://agendabot.invalid/", "http://10.0.0.1/", "HTTP://203.0.113.7:8080/",
                "ws://127.0.0.1:1/", "mailto:petra@hagenow.example", "https:", "http://[::1", "\\\\server\\share", "about:blank");
        }

        if (shape is 1 or 2)
        {
            activity["entities"] = Pick<JsonNode?>(
                new JsonArray((JsonNode?)null), new JsonArray(5), new JsonArray("mention"), new JsonArray(new JsonArray(new JsonObject { ["type"] = "mention" })),
                new JsonArray(null, true, 1.5, new JsonObject { ["type"] = "mention", ["mentioned"] = null, ["text"] = "<at>AgendaBot</at>" }),
                new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = 5 }), JsonValue.Create(5), JsonValue.Create("entities"),
                new JsonObject(), JsonValue.Create(DeepArrayMark));
        }

        // Deep arrays as text: a JsonNode that deep could not even be written.
        var depth = random.Next(2) == 0 ? random.Next(5, 60) : random.Next(65, 3000);
        var deep = string.Concat(Enumerable.Repeat("[", depth)) + "\"mention\"" + string.Concat(Enumerable.Repeat("]", depth));
        return new("odd-shape", Encoding.UTF8.GetBytes(activity.ToJsonString().Replace($"\"{DeepArrayMark}\"", deep, StringComparison.Ordinal)));
    }

    private const string DeepArrayMark = "deep-array-goes-here";

    private FuzzCase TamperedClick() => new("tampered-card", Bytes(TamperedClickActivity()));

    private FuzzCase ForbiddenCommand() => new("forbidden-command", Bytes(ForbiddenCommandActivity()));

    private FuzzCase OtherActivityType()
    {
        var activity = Room.Activity(Pick(Room.Stranger, Room.Anna), Pick("messageReaction", "event", "typing", "conversationUpdate",
            "installationUpdate", "endOfConversation", "messageUpdate", "messageDelete", "invoke", "x-unknown"), Pick(Scope.Channel, Scope.Personal, Scope.GroupChat));
        switch (activity["type"]!.GetValue<string>())
        {
            case "conversationUpdate":
                activity["membersAdded"] = Pick<JsonNode>(new JsonArray(new JsonObject { ["id"] = "29:new" }), new JsonArray(), JsonValue.Create(5)!, new JsonObject());
                break;
            case "installationUpdate":
                activity["action"] = Pick<JsonNode>(JsonValue.Create("add")!, JsonValue.Create("remove")!, JsonValue.Create(7)!, new JsonArray());
                break;
            case "invoke":
                activity["name"] = Pick("adaptiveCard/action", "composeExtension/query", "task/fetch", "signin/verifyState", string.Empty);
                activity["value"] = WrongValue();
                break;
        }

        return new("other-activity", Bytes(activity));
    }

    /// <summary>A click that must be refused: the wrong person, place, tenant, round or step, or a payload the card never sends.</summary>
    private JsonObject TamperedClickActivity()
    {
        var verb = Verbs[random.Next(Verbs.Length)];
        var data = TamperedData(verb);
        var person = Pick(Room.Stranger, Room.Anna, Room.Klaus);
        var scope = Pick(Scope.Channel, Scope.Channel, Scope.OtherChannel, Scope.GroupChat, Scope.Personal);
        if (verb is "agenda.create" && scope is Scope.GroupChat or Scope.Personal)
        {
            scope = Scope.Channel; // a group chat of its own may set up an agenda: that would be legitimate
        }

        if (verb is "personalData.erase" && scope == Scope.Personal)
        {
            scope = Scope.GroupChat; // erasing one's own data in the personal chat is legitimate
        }

        if (random.Next(6) == 0 && verb is not "agenda.create")
        {
            return target.OtherTenant.Click(Pick(Room.Moderator, Room.Lead, Room.Anna), verb, data, scope: Scope.Channel);
        }

        var activity = Room.Click(person, verb, data, scope);
        if (random.Next(8) == 0)
        {
            activity["value"] = random.Next(2) == 0 ? WrongValue() : new JsonObject { ["verb"] = verb, ["data"] = data.DeepClone() };
        }

        return activity;
    }

    private JsonObject TamperedData(string verb)
    {
        var workshop = Pick(target.WorkshopId, target.WorkshopId, "0000000000000000deadbeef", "../" + target.WorkshopId, target.WorkshopId + "|x", string.Empty);
        var round = Pick(target.RoundId, target.RoundId, Guid.NewGuid().ToString("N"), target.RoundId + "%7C", "ballot|x");
        var data = new JsonObject { ["workshopId"] = workshop };
        switch (verb)
        {
            case "workshop.register":
                data["group"] = Pick("Aliens", string.Empty, "Bürger", HugeString(300)); // never a real stakeholder group
                break;
            case "workshop.open":
                data["fieldOfAction"] = Pick("Raumfahrt", string.Empty, "Verwaltung ", HugeString(500));
                data["capacity"] = Pick("15", "-1", "many", "99999999999999999999");
                break;
            case "agenda.create":
                data["title"] = Pick("Übernahme", HugeString(5000));
                data["fieldsOfAction"] = "A\nB";
                break;
            case "contribution.add":
            case "plan.save":
            case "plan.addRow":
                // Anna and Klaus are registered: only a wrong step, workshop or text keeps this from being legitimate.
                data["workshopId"] = Pick(target.WorkshopId + "x", "0000000000000000deadbeef");
                data["step"] = WrongStep();
                data["text"] = Pick(string.Empty, "   ", HugeString(random.Next(2001, 20_000)), "Idee");
                break;
            case "vote.cast":
                data["roundId"] = round;
                data[Pick("s_1_0", "s_2_0", "s_99_0", "s_1_7", "p_1")] = Pick("0", "6", "-3", "viele", "1e9", string.Empty);
                data["s_1_0"] = Pick("0", "6", "99", "drei");
                break;
            case "vote.start":
            case "vote.close":
            case "vote.details":
                data["roundId"] = round;
                data["step"] = WrongStep();
                data["items"] = Pick("1,2,3", "99", "a,b", string.Empty);
                data["method"] = Pick("stars", "dots", "telepathy");
                break;
            default:
                data["step"] = WrongStep();
                break;
        }

        if (random.Next(4) == 0)
        {
            data[Pick("step", "workshopId", "roundId", "text", "verb", "__proto__")] = WrongValue();
        }

        return data;
    }

    private JsonNode WrongStep() => Pick<JsonNode>(JsonValue.Create(0)!, JsonValue.Create(7)!, JsonValue.Create(-1)!, JsonValue.Create("eins")!,
        JsonValue.Create(1.5)!, JsonValue.Create(int.MaxValue)!, new JsonArray(1), new JsonObject { ["step"] = 1 });

    /// <summary>A command that the person may not give (or that names what does not exist), by mention, in any scope.</summary>
    private JsonObject ForbiddenCommandActivity()
    {
        var (person, text) = random.Next(7) switch
        {
            0 => (Room.Anna, $"ausblenden {Pick("1", "2", "3", "999", "-1", "x")}"),
            1 => (Room.Anna, "zusammenführen 2 3"),
            2 => (Room.Klaus, $"übernehmen {Pick("1", "2", "3")}"),
            3 => (Room.Anna, $"bearbeiten {Pick("2", "3", "999")} {Pick("<b>gehackt</b>", "[link](http://127.0.0.1:1/)", HugeString(100))}"),
            4 => (Room.Stranger, $"idee {Pick("Fremd", "**fett**", "\u0000\u202e\ud83d\ude00")}"),
            5 => (Room.Anna, Pick("abstimmung", "vote")),
            _ => (Room.Stranger, RandomText()),
        };
        var scope = person == Room.Stranger ? Pick(Scope.Channel, Scope.GroupChat, Scope.Personal) : Pick(Scope.Channel, Scope.OtherChannel, Scope.GroupChat);
        return Room.Message(person, text, scope);
    }

    private JsonNode? WrongValue() => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), null),
        4 => new JsonObject { ["id"] = new JsonArray(), ["nested"] = new JsonObject { ["x"] = 1 } },
        5 => JsonValue.Create(HugeString(random.Next(10, 5000))),
        6 => JsonValue.Create(-1.5e300),
        7 => JsonValue.Create(RandomText()),
        _ => JsonValue.Create(string.Empty),
    };

    private string RandomText()
    {
        var length = random.Next(0, 200);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            var c = (char)random.Next(1, 0xFFFF);
            builder.Append(char.IsSurrogate(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private string HugeString(int length) => new((char)('a' + random.Next(26)), length);

    private T Pick<T>(params T[] options) => options[random.Next(options.Length)];
}
