using AgendaBot.Storage.Delivery;

namespace AgendaBot.Storage.Tests.Delivery;

public sealed class ParkedPostsTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly ParkedPosts parked = new(TestDelivery.Storage);

    [Fact]
    public async Task Parked_posts_read_back_newest_first_with_their_reason()
    {
        var older = Parked(tenant.TenantId, "message-1", People.Monday, "503 after 5 attempts");
        var newer = Parked(tenant.TenantId, "message-2", People.Monday.AddHours(1), "403 MessageWritesBlocked");

        await parked.ParkAsync(older);
        await parked.ParkAsync(newer);

        Assert.Equal([newer, older], await parked.ListAsync(tenant));
    }

    [Fact]
    public async Task Parking_the_same_message_twice_keeps_one_row()
    {
        var post = Parked(tenant.TenantId, "message-1", People.Monday, "reason");

        await parked.ParkAsync(post);
        await parked.ParkAsync(post);

        Assert.Single(await parked.ListAsync(tenant));
    }

    [Fact]
    public async Task A_message_without_a_readable_tenant_is_parked_apart_from_every_tenant()
    {
        var messageId = Guid.NewGuid().ToString("N");

        await parked.ParkAsync(Parked(null, messageId, People.Monday, "undecodable: not Base64"));

        Assert.Contains(await parked.ListUndecodableAsync(), p => p.MessageId == messageId);
        Assert.Empty(await parked.ListAsync(tenant));
    }

    private static ParkedPost Parked(string? tenantId, string messageId, DateTimeOffset at, string reason) =>
        new(tenantId, tenantId is null ? null : "a:chat", tenantId is null ? null : "k", reason, 1, messageId, """{"text":"Hallo"}""", at);
}
