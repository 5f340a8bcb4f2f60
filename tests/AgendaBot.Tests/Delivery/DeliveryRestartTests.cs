using AgendaBot.Storage.Delivery;

namespace AgendaBot.Tests.Delivery;

/// <summary>An instance that stops mid-delivery (deployment, crash) loses nothing: the next one delivers, once.</summary>
public sealed class DeliveryRestartTests : IAsyncLifetime
{
    private DeliveryBot bot = null!;

    public async Task InitializeAsync() => bot = await DeliveryBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_post_whose_worker_stopped_after_taking_it_is_delivered_by_the_next_worker_after_the_visibility_timeout()
    {
        await bot.InstallInAsync();
        bot.Teams.HangNext();
        await bot.PostAsync("weekly|agenda-1|2026-W10|status");
        await bot.Teams.WaitForCallsAsync(1);

        var stoppedAt = DateTimeOffset.UtcNow;
        await bot.RestartAsync();

        var calls = await bot.Teams.WaitForCallsAsync(2, TimeSpan.FromSeconds(20));
        // The message was still hidden for the dead worker: it came back only when its visibility timeout ran out.
        Assert.True(calls[1].At - stoppedAt >= TimeSpan.FromSeconds(1), $"redelivered after {(calls[1].At - stoppedAt).TotalMilliseconds} ms");
        Assert.Equal(calls[0].Path, calls[1].Path);
        Assert.Equal("Wochenstatus", calls[1].Text);
        var ledger = bot.Get<DeliveryLedger>();
        await Eventually.ReturnsAsync(() => ledger.GetSentAsync(bot.Tenant, "weekly|agenda-1|2026-W10|status"), s => s.Sent);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Equal(2, bot.Teams.Calls.Count);
        Assert.Empty(await bot.ParkedAsync());
    }

    [Fact]
    public async Task A_post_delivered_before_the_restart_is_not_delivered_again()
    {
        await bot.InstallInAsync();
        await bot.PostAsync("weekly|agenda-1|2026-W10|status");
        await bot.Teams.WaitForCallsAsync(1);
        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);

        await bot.RestartAsync();
        await bot.PostAsync("weekly|agenda-1|2026-W10|status");

        await Eventually.ReturnsAsync(bot.QueuedAsync, count => count == 0);
        Assert.Single(bot.Teams.Calls);
    }
}
