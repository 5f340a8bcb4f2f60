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

        // Other tests' bots in this process send too: this bot's send is the one whose HTTP request went to its Teams.
        var teams = new Uri(delivery.Teams.ServiceUrl).Authority;
        var send = await Eventually.ReturnsAsync(
            () => Task.FromResult(captured.Spans.FirstOrDefault(s => s.GetTagItem("url.full") is string url && url.Contains(teams, StringComparison.Ordinal))),
            span => span is not null);
        var connectorSpan = await Eventually.ReturnsAsync(
            () => Task.FromResult(captured.Spans.FirstOrDefault(s => s.SpanId == send!.ParentSpanId)), span => span is not null);

        // The worker took the post from the queue (a poll) and sent it: the send is traced, the polls are not, nor
        // their HTTP requests.
        Assert.Equal("connector SendToConversation", connectorSpan!.DisplayName);
        Assert.Single(delivery.Teams.Calls);
        var spans = captured.SpanTexts().Where(s => s.Contains(queue, StringComparison.Ordinal)).ToList();
        Assert.Contains(spans, s => s.Contains("Azure.Core.Http", StringComparison.Ordinal));
        Assert.DoesNotContain(captured.Spans, s => s.DisplayName == "QueueClient.ReceiveMessages");
        Assert.DoesNotContain(spans, s => s.Contains($"{queue}/messages?numofmessages", StringComparison.OrdinalIgnoreCase));
    }
}
