using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;

namespace AgendaBot.LoadDriver;

/// <summary>What the storage holds after a level: ballots found, and how many match each voter's last acknowledged one.</summary>
internal sealed record StoredCheck(int Found, int Expected, int Matching);

/// <summary>
/// One level of the ballot load: N voters in a fresh round, each clicking "vote" again and again (after the first,
/// every ballot changes the stars, so each is a real write). A ballot counts only when the bot answered with the
/// voter's card saying the vote was counted; afterwards the stored ballots are compared with the last acknowledged.
/// </summary>
internal sealed class BallotLevel(HttpClient http, Channel channel, string workshop, VotingRepository voting)
{
    public async Task<(LevelResult Result, StoredCheck Stored)> RunAsync(string round, int voters, TimeSpan warmUp, TimeSpan duration)
    {
        var lastAcknowledged = Enumerable.Repeat(-1, voters).ToArray();
        var result = await ClosedLoop.RunAsync(voters, warmUp, duration, async (index, serial) =>
        {
            if (!await CastAsync(round, index, serial))
            {
                return false;
            }

            lastAcknowledged[index] = serial;
            return true;
        });
        return (result, await CheckAsync(round, lastAcknowledged));
    }

    private async Task<bool> CastAsync(string round, int index, int serial)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/messages", channel.Ballot(workshop, round, index, serial));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            return answer?["statusCode"]?.GetValue<int>() == 200 && Texts(answer["value"]).Any(t => t.Contains("Stimme ist gezählt", StringComparison.Ordinal));
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<StoredCheck> CheckAsync(string round, int[] lastAcknowledged)
    {
        var stored = (await voting.GetBallotsAsync(new TenantScope(channel.TenantId), workshop, round))
            .ToDictionary(b => b.VoterId ?? string.Empty);
        var matching = 0;
        for (var index = 0; index < lastAcknowledged.Length; index++)
        {
            if (lastAcknowledged[index] >= 0 && stored.TryGetValue(Channel.UserIdOf(index), out var ballot)
                && ballot.Scores.OrderBy(s => s.Item).Select(s => s.Value).SequenceEqual(Channel.Stars(index, lastAcknowledged[index])))
            {
                matching++;
            }
        }

        return new StoredCheck(stored.Count, lastAcknowledged.Count(a => a >= 0), matching);
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue v && v.TryGetValue<string>(out var text) ? [text] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
