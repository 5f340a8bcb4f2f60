using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Testing;
using Xunit.Abstractions;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>
/// The bot process is killed with SIGKILL while 20 people vote at once, and started again — three times. A ballot the
/// bot acknowledged ("Ihre Stimme ist gezählt") must be in storage and count in the results.
/// </summary>
public sealed class BotCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int Voters = 20;
    public const int Kills = 3;
    private const int AcknowledgementsPerKill = 60;

    private FaultRig rig = null!;

    public async Task InitializeAsync() => rig = await FaultRig.StartAsync("crash");

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private sealed record Attempt(int Number, int[] Stars);

    [Fact]
    public async Task Every_ballot_acknowledged_before_a_SIGKILL_is_stored_and_counted_after_the_restart()
    {
        var room = new Room(rig.Bot.Http, rig.Connector);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        var voters = Enumerable.Range(1, Voters).Select(Person.Numbered).ToList();
        foreach (var voter in voters)
        {
            await room.RegisterAsync(voter, workshop);
        }

        for (var i = 0; i < 3; i++)
        {
            await room.ContributeAsync(voters[i], workshop, $"Vorschlag {i + 1}");
        }

        var round = await room.StartVoteAsync(Moderator, workshop);
        var acknowledged = new ConcurrentDictionary<string, Attempt>();
        var sent = new ConcurrentDictionary<string, ConcurrentQueue<Attempt>>();
        var acknowledgements = 0;
        var failures = new ConcurrentQueue<string>();

        for (var kill = 0; kill < Kills; kill++)
        {
            var target = acknowledgements + AcknowledgementsPerKill;
            var load = voters.Select((voter, index) => Task.Run(async () =>
            {
                for (var number = 0; ; number++)
                {
                    var attempt = new Attempt(number + (kill * 10_000),
                        [((number + index) % 5) + 1, ((number * 2 + index) % 5) + 1, ((number * 3 + index + kill) % 5) + 1]);
                    sent.GetOrAdd(voter.AadObjectId, _ => new()).Enqueue(attempt);
                    HttpResponseMessage response;
                    try
                    {
                        response = await room.PostAsync(room.Click(voter, "vote.cast",
                            Ballot(workshop, round, (1, attempt.Stars[0]), (2, attempt.Stars[1]), (3, attempt.Stars[2]))));
                    }
                    catch (Exception cut) when (cut is HttpRequestException or TaskCanceledException)
                    {
                        return; // the bot is gone: this request was never acknowledged.
                    }

                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{voter.Name}: HTTP {(int)response.StatusCode}");
                        return;
                    }

                    var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                    if (Texts(answer["value"]).Any(t => t.Contains("gezählt", StringComparison.Ordinal)))
                    {
                        acknowledged[voter.AadObjectId] = attempt;
                        Interlocked.Increment(ref acknowledgements);
                    }
                    else
                    {
                        failures.Enqueue($"{voter.Name}: {answer.ToJsonString()}");
                    }
                }
            })).ToList();

            await Eventually.TrueAsync(() => Volatile.Read(ref acknowledgements) >= target || !failures.IsEmpty,
                what: $"{target} acknowledged ballots");
            rig.Bot.Kill();
            await Task.WhenAll(load);
            await rig.Bot.StartAsync();
        }

        Assert.Empty(failures);
        var stored = await new VotingRepository(rig.Tables)
            .GetBallotsAsync(new TenantScope(room.TenantId), workshop, round);
        var lost = acknowledged.Where(a => !StoredMatches(a.Key, a.Value)).Select(a => a.Key).ToList();
        output.WriteLine($"voters={Voters} kills={Kills} acknowledged={acknowledgements} voters-acknowledged={acknowledged.Count} " +
            $"stored={stored.Count} lost={lost.Count}");
        Assert.Empty(lost);
        Assert.Equal(Voters, acknowledged.Count);

        await room.ClickAsync(Moderator, "vote.close", RoundData(workshop, round));
        await Eventually.TrueAsync(() => room.ResultsPosts().Count > 0, what: "the results post");
        Assert.Contains($"{Voters} Stimmen abgegeben.", Texts(room.ResultsPosts().Single()));

        bool StoredMatches(string voter, Attempt last)
        {
            var ballot = stored.SingleOrDefault(b => b.VoterId is { } id && (id == voter || id.EndsWith(voter[4..], StringComparison.Ordinal)));
            if (ballot is null)
            {
                return false;
            }

            var stars = Enumerable.Range(1, 3).Select(item => ballot.Scores.Single(s => s.Item == item).Value).ToArray();
            // What was stored is the acknowledged ballot, or one sent after it whose answer the kill cut off.
            return sent[voter].Where(a => a.Number >= last.Number).Any(a => a.Stars.SequenceEqual(stars));
        }
    }
}
