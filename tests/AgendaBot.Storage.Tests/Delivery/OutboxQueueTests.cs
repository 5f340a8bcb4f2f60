using System.Text.Json.Nodes;
using AgendaBot.Storage.Delivery;

namespace AgendaBot.Storage.Tests.Delivery;

public sealed class OutboxQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(30);

    // Long enough that the check right after a receive still falls inside it on a busy machine.
    private static readonly TimeSpan Brief = TimeSpan.FromSeconds(2);
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private DeliveryStorage storage = null!;
    private OutboxQueue outbox = null!;

    public async Task InitializeAsync()
    {
        storage = await TestDelivery.NewQueueAsync();
        outbox = new OutboxQueue(storage);
    }

    public Task DisposeAsync() => storage.Queue.DeleteIfExistsAsync();

    [Fact]
    public async Task An_enqueued_post_is_received_with_its_destination_key_and_activity()
    {
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "weekly|a1|2026-W10") with { UpdateActivityId = "activity-7", AgendaId = "a1" });

        var received = Assert.Single(await outbox.ReceiveAsync(10, Hidden));

        var envelope = received.Envelope!;
        Assert.Equal((tenant.TenantId, "19:status@thread.tacv2", "weekly|a1|2026-W10", "activity-7", "a1", 0),
            (envelope.Tenant, envelope.Conversation, envelope.Key, envelope.UpdateActivityId, envelope.AgendaId, envelope.Attempts));
        Assert.Equal("Wochenstatus", JsonNode.Parse((await outbox.ReadActivityAsync(envelope))!)?["text"]?.GetValue<string>());
        Assert.Equal(1, received.DequeueCount);
    }

    [Fact]
    public async Task A_post_larger_than_48_KB_travels_through_a_table_row_and_reads_back_whole()
    {
        var text = new string('x', 200_000);

        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "big", text));

        var received = Assert.Single(await outbox.ReceiveAsync(10, Hidden));
        Assert.True(received.Text.Length < 64 * 1024, "the queue message stays under 64 KiB");
        Assert.Null(received.Envelope!.Activity);
        Assert.Equal(text, JsonNode.Parse((await outbox.ReadActivityAsync(received.Envelope))!)?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_completed_message_is_gone_and_so_is_its_body_row()
    {
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "big", new string('y', 60_000)));
        var received = Assert.Single(await outbox.ReceiveAsync(10, Hidden));
        // The count includes hidden messages, so after completing it tells gone from merely hidden without waiting.
        Assert.Equal(1, await outbox.ApproximateCountAsync());

        await outbox.CompleteAsync(received);

        Assert.Null(await outbox.ReadActivityAsync(received.Envelope!));
        Assert.Equal(0, await outbox.ApproximateCountAsync());
    }

    [Fact]
    public async Task A_received_message_stays_hidden_until_its_visibility_timeout_ends()
    {
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "k"));
        Assert.Single(await outbox.ReceiveAsync(10, Brief));

        Assert.Empty(await outbox.ReceiveAsync(10, Hidden));

        var again = Assert.Single(await NextVisibleAsync());
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task A_deferred_message_comes_back_later_with_its_new_attempt_count()
    {
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "k"));
        var received = Assert.Single(await outbox.ReceiveAsync(10, Hidden));

        await outbox.DeferAsync(received, received.Envelope! with { Attempts = 1 }, Brief);

        Assert.Empty(await outbox.ReceiveAsync(10, Hidden));
        Assert.Equal(1, Assert.Single(await NextVisibleAsync()).Envelope!.Attempts);
    }

    [Fact]
    public async Task A_renewed_message_stays_hidden_longer_and_can_still_be_completed()
    {
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "renewed"));
        await outbox.EnqueueAsync(TestDelivery.Post(tenant, "control"));
        var received = await outbox.ReceiveAsync(10, Brief);
        Assert.Equal(2, received.Count);
        var renewed = received.Single(r => r.Envelope!.Key == "renewed");

        await outbox.RenewAsync(renewed, Hidden);

        // Both were hidden by the same receive: once the control is back, the first timeout has passed for both.
        var back = Assert.Single(await NextVisibleAsync());
        Assert.Equal("control", back.Envelope!.Key);
        Assert.Empty(await outbox.ReceiveAsync(10, Hidden));
        await outbox.CompleteAsync(renewed);
        await outbox.CompleteAsync(back);
        Assert.Equal(0, await outbox.ApproximateCountAsync());
    }

    [Fact]
    public async Task A_message_that_is_no_envelope_is_received_with_the_reason()
    {
        await storage.Queue.SendMessageAsync("this is not base64 json");
        await storage.Queue.SendMessageAsync(Convert.ToBase64String("""{"version":1,"tenant":"t"}"""u8.ToArray()));

        var received = await outbox.ReceiveAsync(10, Hidden);

        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Null(r.Envelope));
        Assert.All(received, r => Assert.StartsWith("undecodable", r.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_over_long_idempotency_key_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(TestDelivery.Post(tenant, new string('k', 257))));
    }

    [Fact]
    public async Task An_activity_that_is_no_JSON_object_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(TestDelivery.Post(tenant, "k") with { ActivityJson = "[1,2]" }));
    }

    // Azurite's clock cannot be moved, so a visibility timeout really has to pass: poll until it has, within a bound.
    private async Task<IReadOnlyList<ReceivedPost>> NextVisibleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var received = await outbox.ReceiveAsync(10, Hidden);
            if (received.Count > 0)
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No message came back within 30 s.");
            }

            await Task.Delay(100);
        }
    }
}
