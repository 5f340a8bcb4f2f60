using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace AgendaBot.Storage.Delivery;

/// <summary>
/// The queue and tables of durable delivery and of the weekly schedule. Created once at start-up by
/// <see cref="EnsureCreatedAsync"/>, like <see cref="StorageTables"/>; names carry the same prefix.
/// </summary>
public sealed class DeliveryStorage
{
    private readonly bool createTables;

    public DeliveryStorage(StorageOptions options, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Delivery runs in the background, so it can afford the SDK's longer default retries; only the timeout is bounded.
        var tableOptions = new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromSeconds(30) } };
        // The message text is Base64 of UTF-8 JSON, encoded by OutboxCodec: whatever sits in the queue, decoding is ours
        // and a malformed message is parked instead of failing inside the SDK.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None, Retry = { NetworkTimeout = TimeSpan.FromSeconds(30) } };
        TableServiceClient tables;
        QueueServiceClient queues;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            tables = new TableServiceClient(options.ConnectionString, tableOptions);
            queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else if (options.TableServiceUri is not null && options.QueueServiceUri is not null && credential is not null)
        {
            tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            queues = new QueueServiceClient(options.QueueServiceUri, credential, queueOptions);
        }
        else
        {
            throw new InvalidOperationException(
                "Storage:ConnectionString, or Storage:TableServiceUri and Storage:QueueServiceUri (with a credential), must be set.");
        }

        createTables = options.CreateTables;
        Queue = queues.GetQueueClient(QueueName(options.TablePrefix));
        Outbox = tables.GetTableClient(options.TablePrefix + "Outbox");
        Parked = tables.GetTableClient(options.TablePrefix + "Parked");
        Schedule = tables.GetTableClient(options.TablePrefix + "Schedule");
    }

    /// <summary>Proactive posts waiting to be delivered.</summary>
    public QueueClient Queue { get; }

    /// <summary>Per tenant: claims and "sent" markers by idempotency key, bodies too large for a queue message, blocked conversations.</summary>
    public TableClient Outbox { get; }

    /// <summary>Posts given up on, with the reason.</summary>
    public TableClient Parked { get; }

    /// <summary>The index of all agendas and the weekly leases.</summary>
    public TableClient Schedule { get; }

    /// <summary>Queue names allow only lower-case letters, digits and single hyphens.</summary>
    public static string QueueName(string prefix) => $"{prefix.ToLowerInvariant()}-outbox";

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (createTables)
        {
            await Task.WhenAll(new[] { Outbox, Parked, Schedule }.Select(table => (Task)table.CreateIfNotExistsAsync(cancellationToken))
                .Append(Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        }
    }
}
