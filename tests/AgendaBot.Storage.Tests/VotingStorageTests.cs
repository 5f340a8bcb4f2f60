using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Storage.Voting;
using static AgendaBot.Storage.Tests.WorkshopBuilder;

namespace AgendaBot.Storage.Tests;

public sealed class VotingStorageTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly VotingRepository voting = new(TestStorage.Tables);

    private async Task<VotingRound> StartAsync(bool anonymous)
    {
        var workshop = await CreateAsync(tenant);
        var round = new VotingRound
        {
            Id = $"round-{Guid.NewGuid():N}",
            WorkshopId = workshop.Id,
            Method = VotingMethod.DotVoting,
            Items = [1, 2, 3],
            PointsPerPerson = 5,
            MaxPointsPerItem = 3,
            Anonymous = anonymous,
            StartedBy = Moderator.Id,
            StartedAt = Now,
        };
        return (await voting.StartRoundAsync(tenant, round, $"start-{round.Id}")).Value;
    }

    private static Ballot Points(VotingRound round, string voter, int onItemOne) =>
        new(round.Id, voter, [new Score(1, null, onItemOne)], Now);

    [Fact]
    public async Task Starting_a_round_twice_from_the_same_activity_starts_it_once()
    {
        var round = await StartAsync(anonymous: false);

        var again = await voting.StartRoundAsync(tenant, round with { Id = "another-id" }, $"start-{round.Id}");

        Assert.Equal(round.Id, again.Value.Id);
        Assert.Null(await voting.GetRoundAsync(tenant, round.WorkshopId, "another-id"));
    }

    [Fact]
    public async Task A_named_ballot_changed_twice_counts_once_with_the_last_choice()
    {
        var round = await StartAsync(anonymous: false);

        Assert.Equal(BallotResult.Counted, (await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 1))).Result);
        Assert.Equal(BallotResult.Changed, (await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 3))).Result);

        var ballot = Assert.Single(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id));
        Assert.Equal("voter-1", ballot.VoterId);
        Assert.Equal(3, ballot.Scores.Single().Value);
    }

    [Fact]
    public async Task A_secret_ballot_adds_to_the_rounds_sums_without_a_ballot_row_and_counts_once()
    {
        var round = await StartAsync(anonymous: true);

        Assert.Equal(BallotResult.Counted, (await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2))).Result);
        Assert.Equal(BallotResult.AlreadyVoted, (await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 3))).Result);

        Assert.Empty(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id));
        var sums = (await voting.GetSecretTallyAsync(tenant, round)).Tally;
        Assert.Equal(1, sums.Ballots);
        Assert.Equal(new SecretSum(null, 1, 2, 4), sums.For(round, 1).Sums.Single());
    }

    [Fact]
    public async Task The_first_secret_ballot_delivered_again_is_counted_once_and_answered_as_counted()
    {
        var round = await StartAsync(anonymous: true);

        var first = await voting.CastSecretAsync(tenant, round, "voter-1", Points(round, "voter-1", 2), "activity-1", read: null);
        var again = await voting.CastSecretAsync(tenant, round, "voter-1", Points(round, "voter-1", 2), "activity-1", read: null);
        var other = await voting.CastSecretAsync(tenant, round, "voter-1", Points(round, "voter-1", 2), "activity-2", read: null);

        Assert.Equal((BallotResult.Counted, true), (first.Result, first.WrittenWhileOpen));
        Assert.Equal((BallotResult.Counted, true), (again.Result, again.WrittenWhileOpen));
        Assert.Equal(BallotResult.AlreadyVoted, other.Result);
        Assert.Equal(1, (await voting.GetSecretTallyAsync(tenant, round)).Tally.Ballots);
    }

    [Fact]
    public async Task Fifty_secret_voters_at_once_on_two_instances_all_count()
    {
        var round = await StartAsync(anonymous: true);
        // Two repositories: two instances, whose ballots meet only at the sums row's ETag.
        VotingRepository[] instances = [voting, new(TestStorage.Tables)];

        var receipts = await Task.WhenAll(Enumerable.Range(1, 50).Select(n =>
            instances[n % 2].CastAsync(tenant, round, $"voter-{n}", Points(round, $"voter-{n}", n % 4))));

        Assert.All(receipts, r => Assert.Equal(BallotResult.Counted, r.Result));
        var sums = (await voting.GetSecretTallyAsync(tenant, round)).Tally;
        Assert.Equal(50, sums.Ballots);
        Assert.Equal(Enumerable.Range(1, 50).Sum(n => n % 4), sums.For(round, 1).Sums.Single().Sum);
        var voted = await TestStorage.Tables.Workshops.PrefixAsync(
            Keys.WorkshopPartition(tenant.TenantId, round.WorkshopId), Keys.VotedMarkerPrefix, CancellationToken.None);
        Assert.Equal(50, voted.Count);
    }

    [Fact]
    public async Task The_version_a_ballot_was_stored_as_is_the_version_a_tally_reads()
    {
        var round = await StartAsync(anonymous: false);

        var receipt = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));

        var (_, version) = Assert.Single(await voting.GetBallotsWithVersionsAsync(tenant, round.WorkshopId, round.Id));
        Assert.Equal(receipt.Version, version);
    }

    [Fact]
    public async Task Fifty_voters_at_once_give_fifty_ballots()
    {
        var round = await StartAsync(anonymous: false);

        await Task.WhenAll(Enumerable.Range(1, 50).Select(n =>
            voting.CastAsync(tenant, round, $"voter-{n}", Points(round, $"voter-{n}", n % 4))));

        var ballots = await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id);
        Assert.Equal(50, ballots.Count);
        Assert.Equal(50, ballots.Select(b => b.VoterId).Distinct().Count());
    }

    [Fact]
    public async Task Two_moderators_closing_the_same_round_one_wins_and_the_other_is_told()
    {
        var round = await StartAsync(anonymous: false);
        var seenByFirst = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        var seenBySecond = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;

        await voting.UpdateRoundAsync(tenant, seenByFirst with { Value = seenByFirst.Value.Close(Now) });
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            voting.UpdateRoundAsync(tenant, seenBySecond with { Value = seenBySecond.Value.Close(Now.AddSeconds(1)) }));

        Assert.Equal(DomainErrorCode.Conflict, refused.Code);
        Assert.Equal(Now, (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!.Value.ClosedAt);
    }

    [Fact]
    public async Task A_ballot_stored_while_the_round_is_open_says_so_and_the_tally_counts_it()
    {
        var round = await StartAsync(anonymous: false);

        var receipt = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });

        Assert.True(receipt.WrittenWhileOpen);
        Assert.Contains(receipt.Version, (await voting.GetBallotsWithVersionsAsync(tenant, round.WorkshopId, round.Id)).Select(b => b.Version));
    }

    [Fact]
    public async Task A_secret_ballot_stored_while_the_round_is_open_says_so_and_the_sums_count_it()
    {
        var round = await StartAsync(anonymous: true);

        var receipt = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });

        Assert.True(receipt.WrittenWhileOpen);
        Assert.Equal(1, (await voting.GetSecretTallyAsync(tenant, round)).Tally.Ballots);
    }

    [Fact]
    public async Task A_secret_ballot_after_closing_began_is_not_stored_at_all()
    {
        var round = await StartAsync(anonymous: true);
        await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });

        var late = await voting.CastAsync(tenant, round, "voter-2", Points(round, "voter-2", 3));

        Assert.Equal((BallotResult.TooLate, false), (late.Result, late.WrittenWhileOpen));
        Assert.Equal(1, (await voting.GetSecretTallyAsync(tenant, round)).Tally.Ballots);
        Assert.Null(await TestStorage.Tables.Workshops.FindAsync(
            Keys.WorkshopPartition(tenant.TenantId, round.WorkshopId), Keys.VotedMarkerRow(round.Id, "voter-2"), CancellationToken.None));
    }

    [Fact]
    public async Task A_named_ballot_after_closing_began_is_not_stored()
    {
        var round = await StartAsync(anonymous: false);
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });

        var late = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));

        Assert.Equal((BallotResult.TooLate, false), (late.Result, late.WrittenWhileOpen));
        Assert.Empty(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id));
        Assert.Equal(RoundState.Closing, (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!.Value.State);
    }

    [Fact]
    public async Task A_change_racing_the_close_is_not_stored_and_the_counted_ballot_stays()
    {
        var round = await StartAsync(anonymous: false);
        await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 1));
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });

        // The voter's instance read the round while it was open; another instance began closing before the write.
        var late = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 3), earlierBallotSeen: true);

        Assert.Equal(BallotResult.TooLate, late.Result);
        Assert.Equal(1, Assert.Single(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id)).Scores.Single().Value);
    }

    [Fact]
    public async Task A_late_redelivery_of_an_earlier_click_changes_nothing_and_gets_its_first_answer()
    {
        var round = await StartAsync(anonymous: false);
        await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 1), activityId: "click-x");
        await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 3), earlierBallotSeen: true, activityId: "click-y");

        var again = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 1), earlierBallotSeen: true, activityId: "click-x");

        Assert.Equal((BallotResult.Counted, true), (again.Result, again.Redelivered));
        Assert.Equal(3, Assert.Single(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id)).Scores.Single().Value);
    }

    [Fact]
    public async Task A_known_voters_redelivered_click_changes_nothing()
    {
        var round = await StartAsync(anonymous: false);
        var partition = Keys.WorkshopPartition(tenant.TenantId, round.WorkshopId);
        var registration = await TestStorage.Tables.Workshops.AddEntityAsync(new Azure.Data.Tables.TableEntity(partition, Keys.ParticipantRow("voter-1")));
        var first = await voting.CastAsKnownVoterAsync(tenant, round, "voter-1", Points(round, "voter-1", 1), registration.Headers.ETag!.Value, "click-x");
        var second = await voting.CastAsKnownVoterAsync(tenant, round, "voter-1", Points(round, "voter-1", 3), first!.Registration, "click-y");

        var again = await voting.CastAsKnownVoterAsync(tenant, round, "voter-1", Points(round, "voter-1", 1), second!.Registration, "click-x");

        Assert.True(again!.Receipt.Redelivered);
        Assert.Equal(3, Assert.Single(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id)).Scores.Single().Value);
    }

    [Fact]
    public async Task A_round_stored_before_open_markers_existed_gets_its_marker_back_with_the_first_ballot()
    {
        var round = await StartAsync(anonymous: false);
        await TestStorage.Tables.Workshops.DeleteEntityAsync(Keys.WorkshopPartition(tenant.TenantId, round.WorkshopId), Keys.RoundOpenRow(round.Id));

        var receipt = await voting.CastAsync(tenant, round, "voter-1", Points(round, "voter-1", 2));
        var seen = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        await voting.BeginCloseAsync(tenant, seen with { Value = seen.Value.BeginClose(Now) });
        var late = await voting.CastAsync(tenant, round, "voter-2", Points(round, "voter-2", 2));

        Assert.Equal((BallotResult.Counted, true), (receipt.Result, receipt.WrittenWhileOpen));
        Assert.Equal(BallotResult.TooLate, late.Result);
        Assert.Single(await voting.GetBallotsAsync(tenant, round.WorkshopId, round.Id));
    }

    [Fact]
    public async Task Two_moderators_beginning_to_close_the_same_round_one_wins_and_the_other_is_told()
    {
        var round = await StartAsync(anonymous: false);
        var seenByFirst = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;
        var seenBySecond = (await voting.GetRoundAsync(tenant, round.WorkshopId, round.Id))!;

        await voting.BeginCloseAsync(tenant, seenByFirst with { Value = seenByFirst.Value.BeginClose(Now) });
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            voting.BeginCloseAsync(tenant, seenBySecond with { Value = seenBySecond.Value.BeginClose(Now.AddSeconds(1)) }));

        Assert.Equal(DomainErrorCode.Conflict, refused.Code);
    }
}
