using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgendaBot.Storage.Delivery;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// What delivery keeps about posts to a person's personal chat: claims and "sent" markers, bodies of large posts
/// (Outbox table) and posts given up on (Parked table). Rows written since posts name their person carry
/// <c>PersonId</c>; parked rows from before are found by the person's personal chats.
/// </summary>
internal sealed class DeliveryRecords(DeliveryStorage delivery)
{
    /// <summary>The export's summary of a parked post: when, why, which post — not the envelope with the message itself.</summary>
    private static readonly string[] ParkedColumns = ["ParkedAt", "Reason", "Attempts", "ConversationId", "Key"];

    public string OutboxName => delivery.Outbox.Name;

    public string ParkedName => delivery.Parked.Name;

    public async Task<JsonArray> ExportOutboxAsync(TenantScope scope, string userId, IReadOnlyList<string> personalChats, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        foreach (var row in await OutboxRowsAsync(scope, userId, personalChats, cancellationToken))
        {
            rows.Add(ExportJson.Row(row, "MessageId", "Chunks"));
        }

        return rows;
    }

    public async Task<JsonArray> ExportParkedAsync(TenantScope scope, string userId, IReadOnlyList<string> personalChats, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        foreach (var row in await ParkedRowsAsync(scope, userId, personalChats, cancellationToken))
        {
            var all = ExportJson.Row(row);
            var item = new JsonObject();
            foreach (var column in ParkedColumns)
            {
                item[column] = all[column]?.DeepClone();
            }

            rows.Add(item);
        }

        return rows;
    }

    /// <summary>
    /// Deletes the person's delivery rows: parked posts (with a body row kept for them), claims, "sent" markers,
    /// bodies, and the "blocked" marks of their personal chats. Each row is one delete; a row gone already is fine.
    /// </summary>
    public async Task<int> EraseAsync(TenantScope scope, string userId, IReadOnlyList<string> personalChats, CancellationToken cancellationToken)
    {
        var changed = 0;
        foreach (var row in await ParkedRowsAsync(scope, userId, personalChats, cancellationToken))
        {
            if (BodyRowOf(scope, row) is { } bodyRow)
            {
                await delivery.Outbox.DeleteIfPresentAsync(Keys.OutboxPartition(scope.TenantId), bodyRow, cancellationToken);
            }

            changed += await delivery.Parked.DeleteIfPresentAsync(row.PartitionKey, row.RowKey, cancellationToken) ? 1 : 0;
        }

        foreach (var row in await OutboxRowsAsync(scope, userId, personalChats, cancellationToken))
        {
            changed += await delivery.Outbox.DeleteIfPresentAsync(row.PartitionKey, row.RowKey, cancellationToken) ? 1 : 0;
        }

        return changed;
    }

    // Claims, "sent" markers and bodies by their person; and the "blocked" marks of the person's personal chats, which
    // tell that they blocked the bot.
    private Task<List<TableEntity>> OutboxRowsAsync(TenantScope scope, string userId, IReadOnlyList<string> personalChats,
        CancellationToken cancellationToken) =>
        delivery.Outbox.ListAsync(Whose(Keys.OutboxPartition(scope.TenantId), userId,
            personalChats.Select(chat => TableClient.CreateQueryFilter($"RowKey eq {Keys.BlockedRow(chat)}"))), cancellationToken);

    private Task<List<TableEntity>> ParkedRowsAsync(TenantScope scope, string userId, IReadOnlyList<string> personalChats,
        CancellationToken cancellationToken) =>
        delivery.Parked.ListAsync(Whose(Keys.ParkedPartition(scope.TenantId), userId,
            personalChats.Select(chat => TableClient.CreateQueryFilter($"ConversationId eq {chat}"))), cancellationToken);

    /// <summary>The rows of the tenant's partition that carry the person's id or match one of <paramref name="alternatives"/>.</summary>
    private static string Whose(string partition, string userId, IEnumerable<string> alternatives)
    {
        var whose = alternatives.Prepend(TableClient.CreateQueryFilter($"PersonId eq {userId}"));
        return TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + $" and ({string.Join(" or ", whose)})";
    }

    // A parked post whose activity was too large for a queue message keeps its body row; the envelope names it.
    private static string? BodyRowOf(TenantScope scope, TableEntity parked)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize(Encoding.UTF8.GetString(parked.GetBinary("Content") ?? []), DeliveryJson.Default.OutboxEnvelope);
            return envelope is { BodyId: { Length: > 0 } bodyId, Key: { Length: > 0 } key } && envelope.Tenant == scope.TenantId
                ? Keys.BodyRow(key, bodyId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
