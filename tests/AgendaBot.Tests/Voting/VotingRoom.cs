using System.Text.Json.Nodes;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>A workshop with three registered participants and contributions, ready for a vote.</summary>
internal static class VotingRoom
{
    public static async Task<string> PrepareAsync(WorkshopRoom room)
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop, "Universities");
        await room.RegisterAsync(Klaus, workshop, "Companies");
        await room.RegisterAsync(Sabine, workshop, "Citizens");
        await room.ContributeAsync(Anna, workshop, 1, "Bürgerportal modernisieren");
        await room.ContributeAsync(Klaus, workshop, 1, "WLAN im Rathaus");
        await room.ContributeAsync(Sabine, workshop, 1, "Digitale Sprechstunde");
        return workshop;
    }

    public static async Task<string> StartAsync(WorkshopRoom room, string workshop, string method = "stars", string anonymous = "false",
        string? minutes = null, string criteria = "Bewertung")
    {
        var data = new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 1, ["items"] = "1,2,3", ["method"] = method, ["criteria"] = criteria,
            ["points"] = "5", ["maxPerItem"] = "3", ["anonymous"] = anonymous,
        };
        if (minutes is not null)
        {
            data["minutes"] = minutes;
        }

        await room.ClickAsync(Lead, "vote.start", data);
        return BallotCard(room)!["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();
    }

    /// <summary>The latest state of the ballot card in the channel (posted, then updated in place).</summary>
    public static JsonNode? BallotCard(WorkshopRoom room) =>
        room.Connector.Calls.Select(c => c.Card).LastOrDefault(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "vote.cast"
            || Texts(c).Contains("Die Abstimmung ist beendet."));

    public static Task<JsonObject> StarsAsync(WorkshopRoom room, Person voter, string workshop, string round, params (int Item, int Stars)[] stars)
    {
        var data = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round };
        foreach (var (item, value) in stars)
        {
            data[$"s_{item}_0"] = $"{value}";
        }

        return room.ClickAsync(voter, "vote.cast", data);
    }

    public static Task<JsonObject> PointsAsync(WorkshopRoom room, Person voter, string workshop, string round, params (int Item, int Points)[] points)
    {
        var data = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round };
        foreach (var (item, value) in points)
        {
            data[$"p_{item}"] = $"{value}";
        }

        return room.ClickAsync(voter, "vote.cast", data);
    }

    public static JsonNode? Results(WorkshopRoom room) =>
        room.Connector.Calls.Select(c => c.Card).LastOrDefault(c => Texts(c).Any(t => t.StartsWith("Ergebnis:", StringComparison.Ordinal)));
}
