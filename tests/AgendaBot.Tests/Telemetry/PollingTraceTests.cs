using AgendaBot.Storage.Delivery;
using AgendaBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace AgendaBot.Tests.Telemetry;

public sealed class PollingTraceTests
{
    [Fact]
    public async Task Delivery_workers_queue_polls_are_not_traced_but_the_delivery_is()
    {
        var captured = new CapturedTelemetry();
        await using var delivery = await DeliveryBot.StartAsync(configureServices: captured.AddTo);
        await delivery.InstallInAsync();
        var queue = delivery.Get<DeliveryStorage>().Queue.Name;

        await delivery.PostAsync("weekly-status");
        await Eventually.ReturnsAsync(() => Task.FromResult(captured.Spans), all => all.Any(s => s.DisplayName == "connector SendToConversation"));

        // The worker took the post from the queue (a poll) and sent it: the send is traced, the polls are not, nor
        // their HTTP requests.
        var spans = captured.SpanTexts().Where(s => s.Contains(queue, StringComparison.Ordinal)
            || s.Contains("connector SendToConversation", StringComparison.Ordinal)).ToList();
        Assert.Single(delivery.Teams.Calls);
        Assert.Contains(spans, s => s.Contains("Azure.Core.Http", StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Spans, s => s.DisplayName == "QueueClient.ReceiveMessages");
        Assert.DoesNotContain(spans, s => s.Contains($"{queue}/messages?numofmessages", StringComparison.OrdinalIgnoreCase));
    }
}
