using AgendaBot.Storage.Delivery;

namespace AgendaBot.Storage.Tests.Delivery;

public sealed class DeliveryLedgerTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly DeliveryLedger ledger = new(TestDelivery.Storage);

    [Fact]
    public async Task The_first_copy_claims_the_post_and_a_second_copy_is_held_off_until_the_claim_ends()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        var second = await ledger.TryClaimAsync(tenant, "k", "message-2", People.Monday, Lifetime);

        Assert.Equal(ClaimOutcome.Claimed, first.Outcome);
        Assert.Equal(ClaimOutcome.HeldByOther, second.Outcome);
        Assert.Equal(People.Monday + Lifetime, second.HeldUntil);
    }

    [Fact]
    public async Task Of_many_copies_claiming_at_once_exactly_one_wins()
    {
        var claims = await Task.WhenAll(Enumerable.Range(1, 12).Select(n =>
            ledger.TryClaimAsync(tenant, "k", $"message-{n}", People.Monday, Lifetime)));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Claimed);
    }

    [Fact]
    public async Task Once_sent_every_copy_is_dropped()
    {
        await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);
        await ledger.MarkSentAsync(tenant, "k", "activity-1", People.Monday);

        var later = await ledger.TryClaimAsync(tenant, "k", "message-2", People.Monday.AddDays(30), Lifetime);

        Assert.Equal(ClaimOutcome.AlreadySent, later.Outcome);
        Assert.Equal((true, "activity-1"), await ledger.GetSentAsync(tenant, "k"));
    }

    [Fact]
    public async Task The_same_message_handed_out_again_is_held_off_while_its_first_claim_lasts()
    {
        await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        var again = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday.AddMinutes(1), Lifetime);

        Assert.Equal(ClaimOutcome.HeldByOther, again.Outcome);
        Assert.Equal(People.Monday + Lifetime, again.HeldUntil);
    }

    [Fact]
    public async Task The_same_message_coming_back_after_its_worker_died_takes_the_expired_claim_over()
    {
        await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        var again = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday + Lifetime + TimeSpan.FromSeconds(1), Lifetime);

        Assert.Equal(ClaimOutcome.Claimed, again.Outcome);
    }

    [Fact]
    public async Task A_renewed_claim_holds_other_copies_off_past_its_first_end()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        var renewed = await ledger.RenewAsync(tenant, "k", first, People.Monday.AddMinutes(10), Lifetime);
        var later = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday + Lifetime + TimeSpan.FromSeconds(1), Lifetime);

        Assert.Equal(People.Monday.AddMinutes(10) + Lifetime, renewed?.HeldUntil);
        Assert.Equal(ClaimOutcome.HeldByOther, later.Outcome);
        Assert.Equal(People.Monday.AddMinutes(10) + Lifetime, later.HeldUntil);
    }

    [Fact]
    public async Task A_claim_taken_over_after_it_expired_cannot_be_renewed_by_its_old_holder()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);
        var successor = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday + Lifetime + TimeSpan.FromSeconds(1), Lifetime);

        var renewed = await ledger.RenewAsync(tenant, "k", first, People.Monday + Lifetime + TimeSpan.FromSeconds(2), Lifetime);

        Assert.Null(renewed);
        Assert.Equal(ClaimOutcome.Claimed, successor.Outcome);
        Assert.NotNull(await ledger.RenewAsync(tenant, "k", successor, People.Monday + Lifetime + TimeSpan.FromSeconds(2), Lifetime));
    }

    [Fact]
    public async Task A_claim_of_a_post_marked_sent_cannot_be_renewed()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);
        await ledger.MarkSentAsync(tenant, "k", "activity-1", People.Monday);

        Assert.Null(await ledger.RenewAsync(tenant, "k", first, People.Monday.AddMinutes(1), Lifetime));
        Assert.Equal((true, "activity-1"), await ledger.GetSentAsync(tenant, "k"));
    }

    [Fact]
    public async Task An_expired_claim_is_taken_over_by_another_copy()
    {
        await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        var later = await ledger.TryClaimAsync(tenant, "k", "message-2", People.Monday + Lifetime + TimeSpan.FromSeconds(1), Lifetime);

        Assert.Equal(ClaimOutcome.Claimed, later.Outcome);
    }

    [Fact]
    public async Task A_released_claim_lets_the_next_copy_claim()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);

        await ledger.ReleaseAsync(tenant, "k", first.ETag);

        Assert.Equal(ClaimOutcome.Claimed, (await ledger.TryClaimAsync(tenant, "k", "message-2", People.Monday, Lifetime)).Outcome);
        Assert.Equal((false, null), await ledger.GetSentAsync(tenant, "k"));
    }

    [Fact]
    public async Task Releasing_a_claim_someone_took_over_leaves_their_claim()
    {
        var first = await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);
        var takeover = People.Monday + Lifetime + TimeSpan.FromSeconds(1);
        await ledger.TryClaimAsync(tenant, "k", "message-1", takeover, Lifetime);

        await ledger.ReleaseAsync(tenant, "k", first.ETag);

        Assert.Equal(ClaimOutcome.HeldByOther, (await ledger.TryClaimAsync(tenant, "k", "message-2", takeover, Lifetime)).Outcome);
    }

    [Fact]
    public async Task A_blocked_conversation_is_remembered_until_it_is_unblocked()
    {
        var blocked = new BlockedConversation("19:status@thread.tacv2", "403 MessageWritesBlocked", People.Monday);

        await ledger.BlockAsync(tenant, blocked);
        Assert.Equal(blocked, await ledger.GetBlockAsync(tenant, blocked.ConversationId));

        await ledger.UnblockAsync(tenant, blocked.ConversationId);
        Assert.Null(await ledger.GetBlockAsync(tenant, blocked.ConversationId));
    }

    [Fact]
    public async Task Keys_and_blocks_of_one_tenant_mean_nothing_to_another()
    {
        var other = TestStorage.NewTenant();
        await ledger.TryClaimAsync(tenant, "k", "message-1", People.Monday, Lifetime);
        await ledger.MarkSentAsync(tenant, "k", "activity-1", People.Monday);
        await ledger.BlockAsync(tenant, new BlockedConversation("a:chat", "blocked", People.Monday));

        Assert.Equal(ClaimOutcome.Claimed, (await ledger.TryClaimAsync(other, "k", "message-2", People.Monday, Lifetime)).Outcome);
        Assert.Null(await ledger.GetBlockAsync(other, "a:chat"));
    }
}
