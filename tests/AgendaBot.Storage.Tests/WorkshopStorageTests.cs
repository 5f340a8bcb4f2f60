using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.Workshops;
using static AgendaBot.Storage.Tests.WorkshopBuilder;

namespace AgendaBot.Storage.Tests;

public sealed class WorkshopStorageTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly WorkshopRepository workshops = new(TestStorage.Tables);

    [Fact]
    public async Task A_workshop_reads_back_as_it_was_opened()
    {
        var opened = await CreateAsync(tenant, capacity: 12);

        var read = (await workshops.GetAsync(tenant, opened.Id))!.Value;

        Assert.Equal(opened.FieldOfAction, read.FieldOfAction);
        Assert.Equal(opened.ConversationId, read.ConversationId);
        Assert.Equal(12, read.Capacity);
        Assert.Equal(WorkshopStep.StatusQuo, read.CurrentStep);
        Assert.Equal(StepState.Collecting, read.StepState);
        Assert.True(read.IsModerator(Moderator.Id));
    }

    [Fact]
    public async Task Contributions_are_numbered_in_order_and_the_pinboard_reads_them_in_one_query()
    {
        var workshop = await CreateAsync(tenant);

        await workshops.AddContributionAsync(tenant, workshop.Id, "activity-1", Idea(Person(1), "Bürgerportal ist veraltet"));
        await workshops.AddContributionAsync(tenant, workshop.Id, "activity-2", Idea(Person(2), "Kein WLAN im Rathaus"));

        var pinboard = await workshops.GetContributionsAsync(tenant, workshop.Id);
        Assert.Equal([1, 2], pinboard.Select(c => c.Number));
        Assert.Equal("Kein WLAN im Rathaus", pinboard[1].Text);
        Assert.Equal(Person(2), pinboard[1].Author);
        Assert.Equal(ContributionKind.Observation, pinboard[0].Kind);
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_creates_one_contribution()
    {
        var workshop = await CreateAsync(tenant);

        var first = await workshops.AddContributionAsync(tenant, workshop.Id, "activity-x", Idea(Person(1), "Idee"));
        var again = await workshops.AddContributionAsync(tenant, workshop.Id, "activity-x", Idea(Person(1), "Idee"));

        Assert.False(first.WasDuplicate);
        Assert.True(again.WasDuplicate);
        Assert.Equal(first.Contribution.Number, again.Contribution.Number);
        Assert.Single(await workshops.GetContributionsAsync(tenant, workshop.Id));
    }

    [Fact]
    public async Task The_same_activity_delivered_many_times_at_once_creates_one_contribution()
    {
        var workshop = await CreateAsync(tenant);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            workshops.AddContributionAsync(tenant, workshop.Id, "activity-storm", Idea(Person(1), "Idee"))));

        Assert.Single(outcomes, o => !o.WasDuplicate);
        Assert.Single(await workshops.GetContributionsAsync(tenant, workshop.Id));
    }

    [Fact]
    public async Task Many_people_contributing_at_once_each_get_their_own_number()
    {
        var workshop = await CreateAsync(tenant);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(n =>
            workshops.AddContributionAsync(tenant, workshop.Id, $"activity-{n}", Idea(Person(n), $"Idee {n}"))));

        var pinboard = await workshops.GetContributionsAsync(tenant, workshop.Id);
        Assert.Equal(Enumerable.Range(1, 12), pinboard.Select(c => c.Number));
        Assert.Equal(12, pinboard.Select(c => c.Author.Id).Distinct().Count());
        Assert.Equal(13, (await workshops.GetAsync(tenant, workshop.Id))!.Value.NextContributionNumber);
    }

    [Fact]
    public async Task A_contribution_to_a_closed_step_is_refused_and_nothing_is_stored()
    {
        var workshop = await workshops.GetAsync(tenant, (await CreateAsync(tenant)).Id);
        await workshops.UpdateAsync(tenant, workshop! with { Value = workshop.Value.CloseStep(WorkshopStep.StatusQuo) });

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            workshops.AddContributionAsync(tenant, workshop.Value.Id, "activity-late", Idea(Person(1), "Zu spät")));

        Assert.Equal(DomainErrorCode.StepClosed, refused.Code);
        Assert.Empty(await workshops.GetContributionsAsync(tenant, workshop.Value.Id));
        Assert.Equal(1, (await workshops.GetAsync(tenant, workshop.Value.Id))!.Value.NextContributionNumber);
    }

    [Fact]
    public async Task An_over_long_contribution_is_refused_and_nothing_is_stored()
    {
        var workshop = await CreateAsync(tenant);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            workshops.AddContributionAsync(tenant, workshop.Id, "activity-long", Idea(Person(1), new string('x', TextLimits.ContributionText + 1))));

        Assert.Equal(DomainErrorCode.TextTooLong, refused.Code);
        Assert.Equal(TextLimits.ContributionText, refused.Limit);
        Assert.Empty(await workshops.GetContributionsAsync(tenant, workshop.Id));
    }

    [Fact]
    public async Task A_late_second_delivery_after_the_step_closed_still_returns_the_first_result()
    {
        var workshop = await CreateAsync(tenant);
        var first = await workshops.AddContributionAsync(tenant, workshop.Id, "activity-early", Idea(Person(1), "Rechtzeitig"));
        var read = (await workshops.GetAsync(tenant, workshop.Id))!;
        await workshops.UpdateAsync(tenant, read with { Value = read.Value.CloseStep(WorkshopStep.StatusQuo) });

        var again = await workshops.AddContributionAsync(tenant, workshop.Id, "activity-early", Idea(Person(1), "Rechtzeitig"));

        Assert.True(again.WasDuplicate);
        Assert.Equal(first.Contribution.Number, again.Contribution.Number);
    }

    [Fact]
    public async Task Two_moderators_closing_the_step_at_once_one_wins_and_the_other_is_told()
    {
        var workshop = await CreateAsync(tenant);
        var seenByFirst = (await workshops.GetAsync(tenant, workshop.Id))!;
        var seenBySecond = (await workshops.GetAsync(tenant, workshop.Id))!;

        await workshops.UpdateAsync(tenant, seenByFirst with { Value = seenByFirst.Value.CloseStep(WorkshopStep.StatusQuo) });
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            workshops.UpdateAsync(tenant, seenBySecond with { Value = seenBySecond.Value.CloseStep(WorkshopStep.StatusQuo) }));

        Assert.Equal(DomainErrorCode.Conflict, refused.Code);
        Assert.Equal(StepState.Closed, (await workshops.GetAsync(tenant, workshop.Id))!.Value.StepState);
    }

    [Fact]
    public async Task An_edit_based_on_an_old_copy_is_refused()
    {
        var workshop = await CreateAsync(tenant);
        await workshops.AddContributionAsync(tenant, workshop.Id, "a1", Idea(Person(1), "Erste Fassung"));
        var copyA = (await workshops.GetContributionAsync(tenant, workshop.Id, 1))!;
        var copyB = (await workshops.GetContributionAsync(tenant, workshop.Id, 1))!;

        await workshops.UpdateContributionsAsync(tenant, workshop.Id,
            [copyA with { Value = copyA.Value.Edit(Person(1), Role.Participant, "Zweite Fassung", Now) }]);
        var refused = await Assert.ThrowsAsync<DomainException>(() => workshops.UpdateContributionsAsync(tenant, workshop.Id,
            [copyB with { Value = copyB.Value.Edit(Moderator, Role.Moderator, "Dritte Fassung", Now) }]));

        Assert.Equal(DomainErrorCode.Conflict, refused.Code);
        Assert.Equal("Zweite Fassung", (await workshops.GetContributionAsync(tenant, workshop.Id, 1))!.Value.Text);
    }

    [Fact]
    public async Task Pinboard_fingerprints_read_back_and_two_redraws_racing_cannot_both_keep_theirs()
    {
        var workshop = await CreateAsync(tenant);
        var none = await workshops.GetPinboardFingerprintsAsync(tenant, workshop.Id);
        Assert.Empty(none.Value.ByActivityId);

        await workshops.SavePinboardFingerprintsAsync(tenant, workshop.Id,
            none with { Value = new PinboardFingerprints(new Dictionary<string, string> { ["activity-1"] = "AAAA" }) });
        var racing = await Assert.ThrowsAsync<DomainException>(() => workshops.SavePinboardFingerprintsAsync(tenant, workshop.Id,
            none with { Value = new PinboardFingerprints(new Dictionary<string, string> { ["activity-1"] = "BBBB" }) }));

        Assert.Equal(DomainErrorCode.Conflict, racing.Code);
        var kept = await workshops.GetPinboardFingerprintsAsync(tenant, workshop.Id);
        Assert.Equal("AAAA", kept.Value.ByActivityId["activity-1"]);
        await workshops.SavePinboardFingerprintsAsync(tenant, workshop.Id,
            kept with { Value = new PinboardFingerprints(new Dictionary<string, string> { ["activity-1"] = "CCCC" }) });
        Assert.Equal("CCCC", (await workshops.GetPinboardFingerprintsAsync(tenant, workshop.Id)).Value.ByActivityId["activity-1"]);
    }

    [Fact]
    public async Task A_merge_changes_both_contributions_or_neither()
    {
        var workshop = await CreateAsync(tenant);
        await workshops.AddContributionAsync(tenant, workshop.Id, "a1", Idea(Person(1), "WLAN im Rathaus"));
        await workshops.AddContributionAsync(tenant, workshop.Id, "a2", Idea(Person(2), "Kein WLAN im Rathaus"));
        var duplicate = (await workshops.GetContributionAsync(tenant, workshop.Id, 2))!;
        var target = (await workshops.GetContributionAsync(tenant, workshop.Id, 1))!;
        await workshops.UpdateContributionsAsync(tenant, workshop.Id,
            [target with { Value = target.Value.Edit(Person(1), Role.Participant, "WLAN im ganzen Rathaus", Now) }]);

        // The moderator's merge still holds the old copy of the target: the whole merge must fail.
        await Assert.ThrowsAsync<DomainException>(() => workshops.UpdateContributionsAsync(tenant, workshop.Id,
            [duplicate with { Value = duplicate.Value.MergeInto(1) }, target with { Value = target.Value with { Text = "Zusammengeführt" } }]));

        var second = (await workshops.GetContributionAsync(tenant, workshop.Id, 2))!.Value;
        Assert.Null(second.MergedInto);
        Assert.False(second.Hidden);
    }
}
