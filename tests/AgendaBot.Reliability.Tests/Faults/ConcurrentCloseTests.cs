using System.Net;
using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Testing;
using Xunit.Abstractions;
using static AgendaBot.Reliability.Tests.Room;

namespace AgendaBot.Reliability.Tests.Faults;

/// <summary>
/// Two moderators — the project lead and the workshop's moderator — click "Abstimmung beenden" at the same moment, each
/// reaching another instance of the bot (two processes on one storage, as in Azure with several instances): the round
/// closes once and one results post goes out. Builds on AgendaBot.Tests: Two_moderators_closing_at_once_post_one_result
/// (one instance, the same person twice).
/// </summary>
public sealed class ConcurrentCloseTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const int Rounds = 5;
    public const int RacingRounds = 20;
    private readonly string prefix = FaultBot.NewPrefix("close");
    private RecordingConnector connector = null!;
    private BotProcess first = null!;
    private BotProcess second = null!;

    public async Task InitializeAsync()
    {
        connector = await FaultBot.ConnectorAsync();
        var settings = FaultBot.Settings(AzuriteServer.Shared.ConnectionString, prefix);
        var starting = new[] { BotProcess.StartAsync(settings), BotProcess.StartAsync(settings) };
        (first, second) = (await starting[0], await starting[1]);
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Two_moderators_closing_the_same_round_on_two_instances_close_it_once_with_one_results_post()
    {
        var room = new Room(first.Http, connector);
        var elsewhere = new Room(second.Http, connector, room.TenantId);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        await room.RegisterAsync(Anna, workshop);
        for (var i = 1; i <= 3; i++)
        {
            await room.ContributeAsync(Anna, workshop, $"Vorschlag {i}");
        }

        for (var n = 1; n <= Rounds; n++)
        {
            var round = await room.StartVoteAsync(Moderator, workshop);
            await room.ClickAsync(Anna, "vote.cast", Ballot(workshop, round, (1, n)));

            var answers = await Task.WhenAll(
                room.PostAsync(room.Click(Moderator, "vote.close", RoundData(workshop, round))),
                elsewhere.PostAsync(elsewhere.Click(Lead, "vote.close", RoundData(workshop, round))));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            await Eventually.TrueAsync(() => room.ResultsPosts().Count >= n, what: $"the results post of round {n}");
            var late = await elsewhere.ClickAsync(Anna, "vote.cast", Ballot(workshop, round, (1, 5)));
            Assert.Equal("Diese Abstimmung ist bereits beendet.", Toast(late));
        }

        output.WriteLine($"rounds={Rounds} simultaneous-closes={2 * Rounds} instances=2 results-posts={room.ResultsPosts().Count}");
        Assert.Equal(Rounds, room.ResultsPosts().Count);
        Assert.All(Enumerable.Range(1, Rounds), n => Assert.Single(room.ResultsPosts(), r => Texts(r).Contains($"Ø {n},0 Sterne · 1 Stimme · Streuung 0,0")));
    }

    /// <summary>
    /// The audit's race: a voter's change reaches one instance while the moderator's close reaches the other. Whatever
    /// wins, the voter is told the truth and what is stored is exactly what was counted — no ballot written after the
    /// tally (which "Stimmen einsehen" would show without it having counted).
    /// </summary>
    [Fact]
    public async Task A_change_racing_the_close_on_another_instance_is_stored_only_if_it_was_counted()
    {
        var room = new Room(first.Http, connector);
        var elsewhere = new Room(second.Http, connector, room.TenantId);
        var workshop = await room.SetUpWorkshopAsync(Moderator);
        await room.RegisterAsync(Anna, workshop);
        for (var i = 1; i <= 3; i++)
        {
            await room.ContributeAsync(Anna, workshop, $"Vorschlag {i}");
        }

        var storage = new VotingRepository(FaultBot.Tables(AzuriteServer.Shared.ConnectionString, prefix));
        var (counted, tooLate) = (0, 0);

        for (var n = 1; n <= RacingRounds; n++)
        {
            var round = await room.StartVoteAsync(Moderator, workshop);
            await room.ClickAsync(Anna, "vote.cast", Ballot(workshop, round, (1, 1)));

            var change = elsewhere.ClickAsync(Anna, "vote.cast", Ballot(workshop, round, (1, 5)));
            var close = room.PostAsync(room.Click(Moderator, "vote.close", RoundData(workshop, round)));
            var (answer, _) = (await change, await close);

            await Eventually.TrueAsync(() => room.ResultsPosts().Count >= n, what: $"the results post of round {n}");
            var results = Texts(room.ResultsPosts()[^1]).ToList();
            var stored = Assert.Single(await storage.GetBallotsAsync(new TenantScope(room.TenantId), workshop, round)).Scores.Single().Value;
            if (Texts(answer["value"]).Contains("Ihre geänderte Stimme ist gezählt."))
            {
                counted++;
                Assert.Contains("Ø 5,0 Sterne · 1 Stimme · Streuung 0,0", results);
                Assert.Equal(5, stored);
            }
            else
            {
                tooLate++;
                var told = Texts(answer["value"]).Append(Toast(answer) ?? string.Empty).ToList();
                Assert.True(told.Contains("Die Abstimmung wurde beendet, bevor Ihre Stimme ankam. Sie wurde nicht gezählt.")
                    || told.Contains("Diese Abstimmung ist bereits beendet."), $"told: {string.Join(" | ", told)}");
                Assert.Contains("Ø 1,0 Sterne · 1 Stimme · Streuung 0,0", results);
                Assert.Equal(1, stored);
            }
        }

        output.WriteLine($"racing-rounds={RacingRounds} instances=2 change-counted={counted} change-too-late={tooLate} stored-but-not-counted=0");
    }
}
