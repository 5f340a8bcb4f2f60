using System.Collections.Concurrent;
using AgendaBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// Takes posts from the outbox queue and delivers them, up to <see cref="DeliveryOptions.MaxConcurrency"/> at a time.
/// Every instance of the bot runs one; the queue's visibility timeout gives each message to one worker at a time, and
/// a message is deleted only after its post went out, so a worker that stops or dies mid-delivery loses nothing.
/// Nothing a message contains can stop the worker: failures are logged, and bad messages parked.
/// </summary>
public sealed partial class DeliveryWorker(
    DeliveryStorage storage,
    OutboxQueue outbox,
    OutboxSignal signal,
    IServiceScopeFactory scopes,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created even where no worker runs: this instance may still enqueue.
        await StorageReadiness.WaitAsync(storage.EnsureCreatedAsync, time, logger, stoppingToken);
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var slots = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        var idle = settings.PollInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Take messages only for free slots: a message waiting here would age towards its visibility timeout.
                await slots.WaitAsync(stoppingToken);
                var batch = await ReceiveAsync(1 + slots.CurrentCount, settings, stoppingToken);
                if (batch.Count == 0)
                {
                    slots.Release();
                    await signal.WaitAsync(idle, time, stoppingToken);
                    idle = idle * 2 < settings.MaxPollInterval ? idle * 2 : settings.MaxPollInterval;
                    continue;
                }

                idle = settings.PollInterval;
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0)
                    {
                        await slots.WaitAsync(stoppingToken);
                    }

                    Start(batch[i], slots, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: messages in flight become visible again after their timeout and are delivered then.
        }

        await Task.WhenAll(running.Values);
    }

    private async Task<IReadOnlyList<ReceivedPost>> ReceiveAsync(int max, DeliveryOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            return await outbox.ReceiveAsync(max, settings.VisibilityTimeout, stoppingToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogReceiveFailed(logger, failure);
            return [];
        }
    }

    private void Start(ReceivedPost post, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Registered before it runs, so that stopping waits for it whatever the timing.
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Guid.NewGuid();
        running[id] = finished.Task;
        _ = DeliverAsync(post, stoppingToken).ContinueWith(_ =>
        {
            running.TryRemove(id, out Task? _);
            slots.Release();
            finished.SetResult();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task DeliverAsync(ReceivedPost post, CancellationToken stoppingToken)
    {
        // Off the receive loop at once, so a slow delivery never holds the next receive.
        await Task.Yield();
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["MessageId"] = post.MessageId,
            ["PostKey"] = post.Envelope?.Key,
            ["ConversationId"] = post.Envelope?.Conversation,
        });
        try
        {
            await using var services = scopes.CreateAsyncScope();
            await services.ServiceProvider.GetRequiredService<PostDelivery>().DeliverAsync(post, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-delivery: the message reappears after its visibility timeout.
        }
        catch (Exception failure)
        {
            // Storage down, or a bug: the message reappears after its visibility timeout and is tried again; its dequeue
            // count parks it eventually.
            LogDeliveryFailed(logger, failure, post.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the outbox queue")]
    private static partial void LogReceiveFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering message {MessageId} failed; it will be tried again after its visibility timeout")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception failure, string messageId);
}
