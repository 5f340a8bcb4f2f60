using System.Text.Json.Nodes;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.Time.Testing;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// A secret ("geheime") round: whoever reads the storage account — an administrator, a backup — learns who voted, and
/// the round's sums, but not who voted what. The room has tables of its own, so every row of every table is read.
/// </summary>
public sealed class SecretRoundTests : IAsyncLifetime
{
    private static readonly Person Jonas = new("Jonas Becker", "29:jonas", "aad-jonas");
    private static readonly Person Mia = new("Mia Wolf", "29:mia", "aad-mia");

    // Each voter's stars for items 1, 2 and 3, all different. Items 2 and 3 end tied (3.0), item 1 first (4.2).
    private static readonly (Person Voter, int[] Stars)[] Ballots =
    [
        (Anna, [5, 3, 1]), (Klaus, [4, 4, 2]), (Sabine, [5, 2, 3]), (Jonas, [3, 5, 4]), (Mia, [4, 1, 5]),
    ];

    // The shared card's turnout is updated at most once a second; a fake clock keeps it where it was.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private WorkshopRoom room = null!;
    private string workshop = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync(time: clock);
        workshop = await PrepareAsync(room);
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static string? Toast(JsonObject answer) => answer["value"] is JsonValue value ? value.GetValue<string>() : null;

    private Task<JsonObject> CloseAsync(string round) =>
        room.ClickAsync(Lead, "vote.close", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

    private async Task<string> EveryoneVotesAsync()
    {
        await room.RegisterAsync(Jonas, workshop);
        await room.RegisterAsync(Mia, workshop);
        var round = await StartAsync(room, workshop, anonymous: "true");
        foreach (var (voter, stars) in Ballots)
        {
            var answer = await StarsAsync(room, voter, workshop, round, (1, stars[0]), (2, stars[1]), (3, stars[2]));
            Assert.Contains("Ihre Stimme ist gezählt.", Texts(answer["value"]));
        }

        return round;
    }

    [Fact]
    public async Task After_a_secret_round_no_row_in_storage_links_a_voter_to_a_choice()
    {
        await room.RegisterAsync(Jonas, workshop);
        await room.RegisterAsync(Mia, workshop);
        var round = await StartAsync(room, workshop, anonymous: "true");
        var before = await StoredRow.AllAsync(room.TablePrefix!);
        foreach (var (voter, stars) in Ballots)
        {
            await StarsAsync(room, voter, workshop, round, (1, stars[0]), (2, stars[1]), (3, stars[2]));
        }

        var whileOpen = await StoredRow.AllAsync(room.TablePrefix!);
        await CloseAsync(round);
        var after = await StoredRow.AllAsync(room.TablePrefix!);

        var voters = Ballots.ToDictionary(b => b.Voter.AadObjectId, b => BallotLinkage.Choices(b.Stars.Select((s, i) => (i + 1, s))));
        var links = BallotLinkage.Find(whileOpen, round, voters).Concat(BallotLinkage.Find(after, round, voters)).ToList();
        Assert.True(links.Count == 0, $"{links.Count} links from a voter to their ballot:\n{string.Join("\n", links)}");
        var written = whileOpen.Where(r => !before.Any(b => b.Key == r.Key && b.Row.ETag == r.Row.ETag)).ToList();
        // Rows written while people voted that name one of them: only that they voted, nothing of what.
        var naming = written.Where(r => BallotLinkage.VoterOf(r, voters.Keys) is not null).ToList();
        Assert.Equal(voters.Count, naming.Count);
        Assert.All(naming, r => Assert.StartsWith("voted|", r.Row.RowKey, StringComparison.Ordinal));
        Assert.All(naming, r => Assert.Empty(r.Row.Keys.Except(["PartitionKey", "RowKey", "Timestamp", "odata.etag", "PersonId", "ActivityId"])));
        // The other rows written meanwhile hold no ballot of one person: at most sums over all of them.
        Assert.All(written.Except(naming), r => Assert.False(r.Row.ContainsKey("Scores") || r.Row.ContainsKey("CastAt"), $"{r.Key} holds a ballot"));
        Assert.All(written.Except(naming).Where(r => r.Row.ContainsKey("Ballots")), r => Assert.Equal(voters.Count, r.Row.GetInt32("Ballots")));
        Assert.DoesNotContain(after, r => r.Row.RowKey.StartsWith("ballot|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_round_ranks_from_its_sums_with_ties()
    {
        var round = await EveryoneVotesAsync();

        await CloseAsync(round);

        var results = Texts(Results(room)).ToList();
        Assert.Contains("5 Stimmen abgegeben.", results);
        Assert.Equal(["Platz 1  ", "Platz 2 (gleichauf)  ", "Platz 2 (gleichauf)  "], results.Where(t => t.StartsWith("Platz", StringComparison.Ordinal)));
        Assert.True(results.IndexOf("Bürgerportal modernisieren") < results.IndexOf("WLAN im Rathaus"));
        Assert.Contains("Ø 4,2 Sterne · 5 Stimmen · Streuung 0,7", results);
        Assert.Contains("Ø 3,0 Sterne · 5 Stimmen · Streuung 1,4", results);
    }

    [Fact]
    public async Task Voters_clicking_at_the_same_moment_are_all_counted()
    {
        await room.RegisterAsync(Jonas, workshop);
        await room.RegisterAsync(Mia, workshop);
        var round = await StartAsync(room, workshop, anonymous: "true");

        var answers = await Task.WhenAll(Ballots.Select(b => StarsAsync(room, b.Voter, workshop, round, (1, b.Stars[0]), (2, b.Stars[1]), (3, b.Stars[2]))));
        await CloseAsync(round);

        Assert.All(answers, a => Assert.Contains("Ihre Stimme ist gezählt.", Texts(a["value"])));
        Assert.Contains("5 Stimmen abgegeben.", Texts(Results(room)));
        Assert.Contains("Ø 4,2 Sterne · 5 Stimmen · Streuung 0,7", Texts(Results(room)));
    }

    [Fact]
    public async Task A_second_ballot_is_refused_with_the_turnout_as_it_is_now()
    {
        var round = await StartAsync(room, workshop, anonymous: "true");
        await StarsAsync(room, Anna, workshop, round, (1, 5));
        await StarsAsync(room, Klaus, workshop, round, (1, 3));
        await StarsAsync(room, Sabine, workshop, round, (1, 4));

        var second = await StarsAsync(room, Anna, workshop, round, (1, 1));

        Assert.Contains("Sie haben in dieser geheimen Abstimmung schon abgestimmt; Ihre erste Stimme zählt.", Texts(second["value"]));
        Assert.Contains("3 von 3 haben abgestimmt.", Texts(second["value"]));
    }

    [Fact]
    public async Task The_first_ballot_delivered_again_is_answered_as_counted_and_counts_once()
    {
        var round = await StartAsync(room, workshop, anonymous: "true");
        var data = new JsonObject { ["workshopId"] = workshop, ["roundId"] = round, ["s_1_0"] = "4" };
        await room.ClickAsync(Anna, "vote.cast", data, activityId: "anna-ballot");

        var again = await room.ClickAsync(Anna, "vote.cast", data.DeepClone().AsObject(), activityId: "anna-ballot");
        await CloseAsync(round);

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(again["value"]));
        Assert.Contains("1 Stimme abgegeben.", Texts(Results(room)));
    }

    [Fact]
    public async Task A_ballot_after_the_close_is_refused_and_not_stored()
    {
        var round = await StartAsync(room, workshop, anonymous: "true");
        await StarsAsync(room, Anna, workshop, round, (1, 5));
        await CloseAsync(round);

        var late = await StarsAsync(room, Klaus, workshop, round, (1, 1));

        Assert.Equal("Diese Abstimmung ist bereits beendet.", Toast(late));
        var rows = await StoredRow.AllAsync(room.TablePrefix!);
        Assert.DoesNotContain(rows, r => BallotLinkage.Mentions(r, round) && BallotLinkage.Mentions(r, Klaus.AadObjectId));
        Assert.All(rows.Where(r => r.Row.ContainsKey("Ballots") && BallotLinkage.Mentions(r, round)), r => Assert.Equal(1, r.Row.GetInt32("Ballots")));
    }

    [Fact]
    public async Task Vote_details_of_a_secret_round_say_there_is_nothing_to_show()
    {
        var round = await EveryoneVotesAsync();
        await CloseAsync(round);

        var details = await room.ClickAsync(Lead, "vote.details", new JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        Assert.Equal("Diese Abstimmung war geheim: Es gibt keine Zuordnung von Personen zu Stimmen.", Toast(details));
    }
}
