using AgendaBot.Storage;
using AgendaBot.Tests.Workshops;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// A voter's second ballot skips the reads (docs/performance.md), but never the checks: whatever changed since their
/// first ballot — the round closed, the registration removed or replaced, another instance took a ballot — is caught.
/// </summary>
public sealed class KnownVoterTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;
    private string workshop = null!;
    private string round = null!;

    public async Task InitializeAsync()
    {
        room = await WorkshopRoom.OpenAsync();
        workshop = await PrepareAsync(room);
        round = await StartAsync(room, workshop);
        await StarsAsync(room, Anna, workshop, round, (1, 2));
    }

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task A_second_ballot_is_counted_as_a_change_with_the_new_choice()
    {
        var changed = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(changed["value"]));
        Assert.Equal("5", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task A_voter_whose_registration_was_removed_after_voting_cannot_vote_again()
    {
        var response = await Workshops.DeleteEntityAsync(Partition, Keys.ParticipantRow(Anna.AadObjectId));
        Assert.Equal(204, response.Status);

        var refused = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(refused));
        Assert.Equal("2", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task A_voter_registered_anew_on_the_waitlist_cannot_vote_again()
    {
        var registration = (await Workshops.GetEntityAsync<TableEntity>(Partition, Keys.ParticipantRow(Anna.AadObjectId))).Value;
        registration["Waitlisted"] = true;
        await Workshops.UpsertEntityAsync(registration, TableUpdateMode.Replace);

        var refused = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(refused));
        Assert.Equal("2", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task A_voter_who_voted_before_is_refused_once_the_round_is_closed()
    {
        await room.ClickAsync(Lead, "vote.close", new System.Text.Json.Nodes.JsonObject { ["workshopId"] = workshop, ["roundId"] = round });

        var late = await StarsAsync(room, Anna, workshop, round, (1, 5));

        Assert.Equal("Diese Abstimmung ist bereits beendet.", Toast(late));
        Assert.Equal("2", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task Ballots_taken_by_another_instance_meanwhile_still_end_with_the_last_choice()
    {
        await using var other = room.Restarted();
        await StarsAsync(other, Anna, workshop, round, (1, 3));
        await StarsAsync(other, Anna, workshop, round, (1, 4));

        var back = await StarsAsync(room, Anna, workshop, round, (1, 1));

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(back["value"]));
        Assert.Equal("1", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task In_the_next_round_a_known_voters_first_ballot_is_counted_not_called_a_change()
    {
        var next = await StartAsync(room, workshop);
        await StarsAsync(room, Klaus, workshop, next, (1, 3));

        var first = await StarsAsync(room, Anna, workshop, next, (1, 4));

        Assert.Contains("Ihre Stimme ist gezählt.", Texts(first["value"]));
        Assert.Equal("4", await StoredStarsAsync(Anna, next));
        Assert.Equal("2", await StoredStarsAsync(Anna));
    }

    [Fact]
    public async Task In_the_next_round_a_voter_whose_registration_was_removed_is_refused()
    {
        var next = await StartAsync(room, workshop);
        await StarsAsync(room, Klaus, workshop, next, (1, 3));
        await Workshops.DeleteEntityAsync(Partition, Keys.ParticipantRow(Anna.AadObjectId));

        var refused = await StarsAsync(room, Anna, workshop, next, (1, 4));

        Assert.Equal("Dafür müssen Sie zum Workshop angemeldet sein.", Toast(refused));
        Assert.False((await Workshops.GetEntityIfExistsAsync<TableEntity>(Partition, Keys.BallotRow(next, Anna.AadObjectId))).HasValue);
    }

    [Fact]
    public async Task In_the_next_round_a_ballot_another_instance_took_first_makes_this_one_a_change()
    {
        var next = await StartAsync(room, workshop);
        await StarsAsync(room, Klaus, workshop, next, (1, 3));
        await using (var other = room.Restarted())
        {
            await StarsAsync(other, Anna, workshop, next, (1, 2));
        }

        var again = await StarsAsync(room, Anna, workshop, next, (1, 5));

        Assert.Contains("Ihre geänderte Stimme ist gezählt.", Texts(again["value"]));
        Assert.Equal("5", await StoredStarsAsync(Anna, next));
    }

    private TableClient Workshops => room.Bot.Services.GetRequiredService<StorageTables>().Workshops;

    private string Partition => Keys.WorkshopPartition(room.TenantId, workshop);

    private static string? Toast(System.Text.Json.Nodes.JsonObject answer) =>
        answer["value"] is System.Text.Json.Nodes.JsonValue value ? value.GetValue<string>() : null;

    private async Task<string?> StoredStarsAsync(Person voter, string? inRound = null)
    {
        var ballot = (await Workshops.GetEntityAsync<TableEntity>(Partition, Keys.BallotRow(inRound ?? round, voter.AadObjectId))).Value;
        var score = System.Text.Json.JsonDocument.Parse(ballot.GetString("Scores")).RootElement[0];
        return score.EnumerateObject().Single(p => p.Name.Equals("value", StringComparison.OrdinalIgnoreCase)).Value.ToString();
    }
}
