using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;

namespace AgendaBot.LoadDriver;

/// <summary>What the storage holds after a level: ballots found, and how many match the one acknowledged to the voter.</summary>
internal sealed record StoredCheck(int Found, int Expected, int Matching);

/// <summary>The two ballot workloads: each person votes once per round (a real round), or re-votes in one round.</summary>
internal enum BallotWorkload
{
    VoteOnce,
    Revote,
}

/// <summary>
/// One level of the ballot load with N voters. <see cref="BallotWorkload.VoteOnce"/>: the lead has started a batch of
/// rounds before (not measured), and every voter votes once in each of them, one after another, as fast as the
/// answers come; so every ballot is its voter's first and only one in its round. <see cref="BallotWorkload.Revote"/>:
/// one fresh round, each voter changing their stars again and again for a fixed time (after the first, every ballot
/// is a real write). A ballot counts only when the bot answered with the voter's card saying the vote was counted;
/// afterwards the stored ballots are compared with the acknowledged ones.
/// </summary>
internal sealed class BallotLevel(HttpClient http, Channel channel, string workshop, VotingRepository voting)
{
    /// <summary>About this many ballots per vote-once level, in 10 to 300 rounds (so 300 ballots for one voter).</summary>
    private const int OnceBallots = 3000;
    private const int WarmUpRounds = 2;

    public async Task<(LevelResult Result, StoredCheck Stored)> RunAsync(BallotWorkload workload, int voters, TimeSpan warmUp, TimeSpan duration)
    {
        // (round, voter) → the serial whose stars the bot acknowledged last.
        var acknowledged = new ConcurrentDictionary<(string Round, int Voter), int>();
        LevelResult result;
        if (workload == BallotWorkload.VoteOnce)
        {
            var warm = await StartRoundsAsync(WarmUpRounds);
            await ClosedLoop.RunEachAsync(voters, warm.Length, (index, n) => CastAsync(warm[n], index, n, new()));
            var rounds = await StartRoundsAsync(Math.Clamp(OnceBallots / voters, 10, 300));
            result = await ClosedLoop.RunEachAsync(voters, rounds.Length, (index, n) => CastAsync(rounds[n], index, n, acknowledged));
        }
        else
        {
            var round = await channel.StartRoundAsync(workshop);
            result = await ClosedLoop.RunAsync(voters, warmUp, duration, (index, serial) => CastAsync(round, index, serial, acknowledged));
        }

        return (result, await CheckAsync(acknowledged));
    }

    /// <summary>The lead starts <paramref name="count"/> rounds, four clicks at a time; their ids come from storage.</summary>
    private async Task<string[]> StartRoundsAsync(int count)
    {
        var scope = new TenantScope(channel.TenantId);
        var before = (await voting.GetRoundsAsync(scope, workshop)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (_, _) => await channel.ClickStartRoundAsync(workshop));
        var started = (await voting.GetRoundsAsync(scope, workshop)).Where(r => !before.Contains(r.Id)).Select(r => r.Id).ToArray();
        return started.Length == count ? started : throw new InvalidOperationException($"started {count} rounds, found {started.Length}");
    }

    private async Task<bool> CastAsync(string round, int index, int serial, ConcurrentDictionary<(string, int), int> acknowledged)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/messages", channel.Ballot(workshop, round, index, serial));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            if (answer?["statusCode"]?.GetValue<int>() != 200 || !Texts(answer["value"]).Any(t => t.Contains("Stimme ist gezählt", StringComparison.Ordinal)))
            {
                return false;
            }

            // A voter's ballots in one round are sequential, so the last write here is the last acknowledged.
            acknowledged[(round, index)] = serial;
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<StoredCheck> CheckAsync(ConcurrentDictionary<(string Round, int Voter), int> acknowledged)
    {
        int found = 0, matching = 0;
        foreach (var round in acknowledged.GroupBy(a => a.Key.Round))
        {
            var stored = (await voting.GetBallotsAsync(new TenantScope(channel.TenantId), workshop, round.Key))
                .ToDictionary(b => b.VoterId ?? string.Empty);
            found += stored.Count;
            matching += round.Count(a => stored.TryGetValue(Channel.UserIdOf(a.Key.Voter), out var ballot)
                && ballot.Scores.OrderBy(s => s.Item).Select(s => s.Value).SequenceEqual(Channel.Stars(a.Key.Voter, a.Value)));
        }

        return new StoredCheck(found, acknowledged.Count, matching);
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue v && v.TryGetValue<string>(out var text) ? [text] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };
}
