using AgendaBot.Storage.Scheduling;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.Scheduling;

public sealed class AgendaIndexTests
{
    private readonly AgendaIndex index = new(TestDelivery.Storage);

    [Fact]
    public async Task Agendas_of_all_tenants_are_listed_once_each()
    {
        var (first, second) = (TestStorage.NewTenant(), TestStorage.NewTenant());

        await index.AddAsync(first, "agenda-1");
        await index.AddAsync(first, "agenda-1");
        await index.AddAsync(second, "agenda|2");

        var mine = (await index.ListAsync()).Where(e => e.TenantId == first.TenantId || e.TenantId == second.TenantId).ToList();
        Assert.Equal(
            new[] { new AgendaIndexEntry(first.TenantId, "agenda-1"), new AgendaIndexEntry(second.TenantId, "agenda|2") }.OrderBy(e => e.TenantId, StringComparer.Ordinal),
            mine.OrderBy(e => e.TenantId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_removed_agenda_is_no_longer_listed()
    {
        var tenant = TestStorage.NewTenant();
        await index.AddAsync(tenant, "agenda-1");

        await index.RemoveAsync(tenant, "agenda-1");

        Assert.DoesNotContain(await index.ListAsync(), e => e.TenantId == tenant.TenantId);
    }
}
