using AgendaBot.Storage.Scheduling;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.Scheduling;

public sealed class WeeklyLeaseTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly WeeklyLeases leases = new(TestDelivery.Storage);

    [Fact]
    public async Task Of_many_instances_claiming_the_same_week_exactly_one_gets_it()
    {
        var claims = await Task.WhenAll(Enumerable.Range(1, 8).Select(n =>
            leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", $"instance-{n}", People.Monday, StaleAfter)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task Each_week_and_each_agenda_has_its_own_lease()
    {
        Assert.NotNull(await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "a", People.Monday, StaleAfter));
        Assert.NotNull(await leases.TryClaimAsync(tenant, "agenda-1", "2026-W11", "a", People.Monday, StaleAfter));
        Assert.NotNull(await leases.TryClaimAsync(tenant, "agenda-2", "2026-W10", "a", People.Monday, StaleAfter));
    }

    [Fact]
    public async Task A_finished_week_is_never_claimed_again()
    {
        var lease = await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "a", People.Monday, StaleAfter);

        await leases.CompleteAsync(tenant, lease!, People.Monday);

        Assert.Null(await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "b", People.Monday.AddDays(1), StaleAfter));
        Assert.True(await leases.IsDoneAsync(tenant, "agenda-1", "2026-W10"));
    }

    [Fact]
    public async Task An_unfinished_claim_is_taken_over_only_once_it_is_stale()
    {
        await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "a", People.Monday, StaleAfter);

        Assert.Null(await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "b", People.Monday + StaleAfter - TimeSpan.FromSeconds(1), StaleAfter));
        Assert.NotNull(await leases.TryClaimAsync(tenant, "agenda-1", "2026-W10", "b", People.Monday + StaleAfter + TimeSpan.FromSeconds(1), StaleAfter));
    }
}
