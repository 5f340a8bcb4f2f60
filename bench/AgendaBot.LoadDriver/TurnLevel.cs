using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Testing;

namespace AgendaBot.LoadDriver;

/// <summary>Where a plain turn happens: "hilfe" in a personal chat, or "@AgendaBot hilfe" in a team channel.</summary>
internal enum TurnPlace
{
    PersonalChat,
    Channel,
}

/// <summary>
/// Plain turns at N connections against a bot (AgendaBot or the floor bot): each worker is its own person (its own
/// personal chat) sending "hilfe" again as soon as the answer comes. A turn counts when the bot answered 200, which it
/// does after its reply reached the connector stand-in.
/// </summary>
internal sealed class TurnLevel(HttpClient http, ConnectorStandIn connector)
{
    public static JsonObject Hilfe(string serviceUrl, TurnPlace place, int index)
    {
        var activity = place == TurnPlace.Channel
            ? TeamsActivities.ChannelMention(serviceUrl, "hilfe")
            : TeamsActivities.Message(serviceUrl, "hilfe", conversationId: $"a:bench-person-{index}", fromId: $"29:bench-person-{index}");
        activity["from"]!["aadObjectId"] = $"aad-bench-person-{index}";
        return activity;
    }

    /// <summary>
    /// Each person installs the bot first, as in Teams (a personal chat always begins with it): the bot stores the
    /// chat's reference, whose language a later turn would otherwise look for in storage every time.
    /// </summary>
    public async Task InstallAsync(Uri bot, int people)
    {
        for (var index = 0; index < people; index++)
        {
            var installed = Hilfe(connector.ServiceUrl, TurnPlace.PersonalChat, index);
            installed["type"] = "installationUpdate";
            installed["action"] = "add";
            installed.Remove("text");
            using var response = await http.PostAsJsonAsync(new Uri(bot, "api/messages"), installed);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>How many bytes the bot's reply to one such turn has, as the connector stand-in received it.</summary>
    public async Task<long> ReplyBytesAsync(Uri bot, TurnPlace place)
    {
        using var response = await http.PostAsJsonAsync(new Uri(bot, "api/messages"), Hilfe(connector.ServiceUrl, place, 0));
        response.EnsureSuccessStatusCode();
        return connector.LastBodyBytes;
    }

    public Task<LevelResult> RunAsync(Uri bot, TurnPlace place, int connections, TimeSpan warmUp, TimeSpan duration, long replyBytes) =>
        ClosedLoop.RunAsync(connections, warmUp, duration, async (index, _) =>
        {
            try
            {
                // The floor bot pads its reply to this size; AgendaBot ignores the query.
                using var response = await http.PostAsJsonAsync(new Uri(bot, $"api/messages?replyBytes={replyBytes}"), Hilfe(connector.ServiceUrl, place, index));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
}
