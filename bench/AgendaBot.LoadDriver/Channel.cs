using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;

namespace AgendaBot.LoadDriver;

/// <summary>
/// A team channel of one tenant with the bot in it: people click Action.Execute buttons, shaped like the invokes Teams
/// sends (same builders as the tests). Voters are "voter-0" … "voter-199"; the project lead opens everything.
/// </summary>
internal sealed class Channel(HttpClient http, ConnectorStandIn connector)
{
    public const string Lead = "29:bench-lead";
    private const string TeamId = "19:bench-team@thread.tacv2";
    private const string ChannelId = "19:bench-workshop@thread.tacv2";

    public string TenantId { get; } = $"bench-{Guid.NewGuid():N}";

    public static string Voter(int index) => index == 0 ? Lead : $"29:voter-{index}";

    /// <summary>The id the bot stores for voter <paramref name="index"/>: the Entra object id the invoke carries.</summary>
    public static string UserIdOf(int index) => $"aad-{Voter(index)[3..]}";

    /// <param name="channelId">Another channel of the same team (the town's workshop day), or this bench's channel.</param>
    public JsonObject Invoke(string from, string verb, JsonObject data, string channelId = ChannelId)
    {
        var activity = TeamsActivities.Execute(connector.ServiceUrl, verb, data);
        activity["from"] = new JsonObject { ["id"] = from, ["name"] = from == Lead ? "Petra Hoffmann" : $"Wähler {from[3..]}", ["aadObjectId"] = $"aad-{from[3..]}" };
        activity["conversation"] = new JsonObject
        {
            ["id"] = $"{channelId};messageid=1700000000000", ["conversationType"] = "channel", ["tenantId"] = TenantId,
        };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
        return activity;
    }

    public async Task<JsonObject> ClickAsync(string from, string verb, JsonObject data, string channelId = ChannelId)
    {
        using var response = await http.PostAsJsonAsync("api/messages", Invoke(from, verb, data, channelId));
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException($"{verb}: empty answer");
        return answer["statusCode"]?.GetValue<int>() == 200
            ? answer
            : throw new InvalidOperationException($"{verb} was refused: {answer.ToJsonString()}");
    }

    /// <summary>
    /// The lead sets up the agenda, opens a workshop for 200 people (the largest allowed) and registers the voters,
    /// each with a stakeholder group; three contributions give the ballots something to rate. Returns the workshop id.
    /// </summary>
    public async Task<string> SetUpAsync(int voters)
    {
        await ClickAsync(Lead, "agenda.create", new JsonObject
        {
            ["title"] = "Digitale Agenda Lastprobe", ["fieldsOfAction"] = "Verwaltung\nTourismus", ["statusHere"] = "true",
        });
        await ClickAsync(Lead, "workshop.open", new JsonObject { ["fieldOfAction"] = "Verwaltung", ["capacity"] = "200" });
        var workshop = connector.Cards.Last(c => c["actions"]?[0]?["verb"]?.GetValue<string>() == "contribution.add")
            ["actions"]![0]!["data"]!["workshopId"]!.GetValue<string>();
        string[] groups = ["Citizens", "Companies", "Universities"];
        // The lead is a voter too (voter 0), so 199 registrations fill the room of 200.
        await Parallel.ForEachAsync(Enumerable.Range(1, voters - 1), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await ClickAsync(Voter(i), "workshop.register", new JsonObject { ["workshopId"] = workshop, ["group"] = groups[i % 3] }));
        foreach (var text in new[] { "Bürgerportal modernisieren", "WLAN im Rathaus", "Digitale Sprechstunde" })
        {
            await ClickAsync(Lead, "contribution.add", new JsonObject { ["workshopId"] = workshop, ["step"] = 1, ["text"] = text });
        }

        return workshop;
    }

    /// <summary>A named star-rating round on the three contributions, one criterion; returns its id.</summary>
    public async Task<string> StartRoundAsync(string workshop)
    {
        await ClickStartRoundAsync(workshop);
        return connector.Cards.Last(c => c["actions"]?[0]?["verb"]?.GetValue<string>() == "vote.cast")
            ["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();
    }

    /// <summary>The lead's click that starts such a round; several may run at once (the caller finds the ids in storage).</summary>
    public Task ClickStartRoundAsync(string workshop) => ClickAsync(Lead, "vote.start", new JsonObject
    {
        ["workshopId"] = workshop, ["step"] = 1, ["items"] = "1,2,3", ["method"] = "stars", ["criteria"] = "Bewertung",
        ["points"] = "5", ["maxPerItem"] = "3", ["anonymous"] = "false",
    });

    /// <summary>Voter <paramref name="index"/>'s <paramref name="serial"/>-th ballot: stars that differ from the previous one.</summary>
    public static int[] Stars(int index, int serial) => [(index + serial) % 5 + 1, (index + 2 * serial) % 5 + 1, (index + 3 * serial) % 5 + 1];

    public JsonObject Ballot(string workshop, string round, int index, int serial)
    {
        var stars = Stars(index, serial);
        return Invoke(Voter(index), "vote.cast", new JsonObject
        {
            ["workshopId"] = workshop, ["roundId"] = round,
            ["s_1_0"] = $"{stars[0]}", ["s_2_0"] = $"{stars[1]}", ["s_3_0"] = $"{stars[2]}",
        });
    }
}
