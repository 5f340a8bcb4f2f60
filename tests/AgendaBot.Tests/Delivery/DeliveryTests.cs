using AgendaBot.Storage.Delivery;

namespace AgendaBot.Tests.Delivery;

/// <summary>Proactive posts go from the outbox to the conversation they name, once, at the service URL Teams gave for it.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private DeliveryBot bot = null!;

    public async Task InitializeAsync() => bot = await DeliveryBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task An_enqueued_post_is_delivered_once_to_its_conversation_at_the_stored_service_url()
    {
        await bot.InstallInAsync();

        await bot.PostAsync("weekly|agenda-1|2026-W10|status", "Wochenstatus KW 10");

        var sent = Assert.Single(await bot.Teams.WaitForCallsAsync(1));
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v3/conversations/19%3Astatus%40thread.tacv2/activities", sent.Path);
        Assert.Equal("Wochenstatus KW 10", sent.Text);
        Assert.Equal("28:agendabot", sent.Body?["from"]?["id"]?.GetValue<string>());
        var ledger = bot.Get<DeliveryLedger>();
        Assert.Equal("activity-1", (await Eventually.ReturnsAsync(() => ledger.GetSentAsync(bot.Tenant, "weekly|agenda-1|2026-W10|status"), s => s.Sent)).ActivityId);
        Assert.Equal(0, await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0));
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task The_same_idempotency_key_enqueued_twice_is_delivered_once()
    {
        await bot.InstallInAsync();

        await bot.PostAsync("weekly|agenda-1|2026-W10|status");
        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        await bot.Teams.WaitForCallsAsync(1);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Single(bot.Teams.Calls);
    }

    [Fact]
    public async Task Different_keys_are_different_posts()
    {
        await bot.InstallInAsync();

        await bot.PostAsync("results|round-1");
        await bot.PostAsync("results|round-2");

        Assert.Equal(2, (await bot.Teams.WaitForCallsAsync(2)).Count);
    }

    [Fact]
    public async Task A_post_naming_an_earlier_activity_replaces_it_in_place()
    {
        await bot.InstallInAsync();

        await bot.PostAsync("pinboard|ws-1|v7", "Pinnwand (7 Beiträge)", updateActivityId: "1712345678901");

        var update = Assert.Single(await bot.Teams.WaitForCallsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.Equal("/v3/conversations/19%3Astatus%40thread.tacv2/activities/1712345678901", update.Path);
        Assert.Equal("Pinnwand (7 Beiträge)", update.Text);
    }

    [Fact]
    public async Task A_post_too_big_for_a_queue_message_is_delivered_whole()
    {
        await bot.InstallInAsync();
        var text = string.Concat(Enumerable.Repeat("Maßnahme läuft planmäßig. ", 3000));

        await bot.PostAsync("weekly|big", text);

        Assert.Equal(text, Assert.Single(await bot.Teams.WaitForCallsAsync(1)).Text);
    }

    [Fact]
    public async Task A_post_to_a_conversation_the_bot_was_never_installed_in_is_parked_without_a_call()
    {
        await bot.PostAsync("weekly|nowhere", conversationId: "19:unknown@thread.tacv2");

        var parked = Assert.Single(await bot.WaitForParkedAsync());
        Assert.StartsWith("no conversation reference", parked.Reason, StringComparison.Ordinal);
        Assert.Equal("19:unknown@thread.tacv2", parked.ConversationId);
        Assert.Empty(bot.Teams.Calls);
    }
}
