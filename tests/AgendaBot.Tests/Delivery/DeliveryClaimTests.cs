using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Tests.Delivery;

/// <summary>
/// The queue hides a taken message only for its visibility timeout; a worker that is slow to renew it (a busy machine)
/// sees the same message handed out a second time while it still sends. The claim on the post, not the queue, keeps it
/// single. The test plays the worker itself, so that it decides when each copy is taken and when Teams answers.
/// </summary>
public sealed class DeliveryClaimTests : IAsyncLifetime
{
    private const string Key = "weekly|agenda-1|2026-W10|status";

    // Frozen: the first delivery's heartbeat never gets to renew anything, as on a machine too busy to run it in time.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private DeliveryBot bot = null!;

    public async Task InitializeAsync() => bot = await DeliveryBot.StartAsync(
        new Dictionary<string, string?> { ["Delivery:Enabled"] = "false", ["Delivery:VisibilityTimeout"] = "00:00:01" },
        services => services.AddSingleton<TimeProvider>(clock));

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_message_handed_out_again_while_its_first_delivery_still_sends_goes_out_once()
    {
        await bot.InstallInAsync();
        var firstSendArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Teams.Hold(_ => firstSendArrived.TrySetResult());
        await bot.PostAsync(Key);
        var outbox = bot.Get<OutboxQueue>();

        var first = Assert.Single(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1)));
        var firstDelivery = DeliverAsync(first);
        await firstSendArrived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        // Teams has the first send; meanwhile the message's visibility runs out and the queue hands it out again.
        var second = await Eventually.ReturnsAsync(() => outbox.ReceiveAsync(1, TimeSpan.FromSeconds(30)), taken => taken.Count == 1);
        Assert.Equal(first.MessageId, second[0].MessageId);
        await DeliverAsync(second[0]);

        bot.Teams.Release();
        await firstDelivery;
        // Whatever copy is still in the queue comes back and is delivered (or dropped) until none is left.
        await Eventually.ReturnsAsync(async () =>
        {
            foreach (var copy in await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(30)))
            {
                await DeliverAsync(copy);
            }

            return await bot.QueuedAsync();
        }, count => count == 0);

        var sent = Assert.Single(bot.Teams.Calls);
        Assert.Equal("Wochenstatus", sent.Text);
        Assert.True((await bot.Get<DeliveryLedger>().GetSentAsync(bot.Tenant, Key)).Sent);
        Assert.Empty(await bot.ParkedAsync());
    }

    private async Task DeliverAsync(ReceivedPost post)
    {
        await using var scope = bot.Bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PostDelivery>().DeliverAsync(post, CancellationToken.None);
    }
}
