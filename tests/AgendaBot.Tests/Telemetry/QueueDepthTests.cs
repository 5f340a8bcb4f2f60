using AgendaBot.Tests.Delivery;

namespace AgendaBot.Tests.Telemetry;

public sealed class QueueDepthTests
{
    [Fact]
    public async Task Queue_depth_is_reported()
    {
        // No worker takes the posts, so they stay in the queue.
        await using var delivery = await DeliveryBot.StartAsync(new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "false",
            ["Telemetry:QueueDepthRefresh"] = "00:00:00",
        });
        using var measurements = new BotMeasurements(delivery.Bot.Services);

        await delivery.PostAsync("status-1");
        await delivery.PostAsync("status-2");
        await delivery.PostAsync("status-3");

        var depth = await Eventually.ReturnsAsync(() =>
        {
            measurements.Observe();
            return Task.FromResult(measurements.Matching("agendabot.outbox.depth").LastOrDefault()?.Value);
        }, value => value == 3);
        Assert.Equal(3, depth);
    }

    [Fact]
    public async Task Queue_depth_is_read_from_storage_at_most_once_per_refresh_interval()
    {
        await using var delivery = await DeliveryBot.StartAsync(new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "false",
            ["Telemetry:QueueDepthRefresh"] = "01:00:00",
        });
        using var measurements = new BotMeasurements(delivery.Bot.Services);
        await Eventually.ReturnsAsync(() =>
        {
            measurements.Observe();
            return Task.FromResult(measurements.Matching("agendabot.outbox.depth").LastOrDefault()?.Value);
        }, value => value == 0);

        await delivery.PostAsync("status-1");
        await delivery.PostAsync("status-2");
        for (var i = 0; i < 5; i++)
        {
            measurements.Observe();
        }

        // Two posts are in the queue, but the gauge keeps the count it read until the hour is up.
        Assert.Equal(2, await delivery.QueuedAsync());
        Assert.All(measurements.Matching("agendabot.outbox.depth"), m => Assert.Equal(0, m.Value));
    }
}
