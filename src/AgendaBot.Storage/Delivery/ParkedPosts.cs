using System.Text;
using System.Text.Json;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Delivery;

/// <summary>A post the worker gave up on, with the reason; kept for an operator to read, retry or delete.</summary>
public sealed record ParkedPost(
    string? TenantId,
    string? ConversationId,
    string? IdempotencyKey,
    string Reason,
    int Attempts,
    string MessageId,
    string Content,
    DateTimeOffset ParkedAt,
    string? PersonId = null);

/// <summary>The Parked table: one partition per tenant, newest first; undecodable messages in a partition of their own.</summary>
public sealed class ParkedPosts(DeliveryStorage storage)
{
    // A binary property holds at most 64 KiB; the envelope JSON is at most 48 KiB.
    private const int MaxContentBytes = 60_000;

    /// <summary>
    /// What a parked post holds about people (<see cref="PersonalDataRegistry"/>): it is the person's when it names
    /// them or went to their personal chat (posts parked before they named their person). The envelope holds the
    /// message itself: the export summarises the post instead, when, why and which.
    /// </summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Parked, string.Empty, RowErasure.DeleteWithBody,
            [PersonalColumn.Owner(), new("ConversationId", Holds.OwnerChat), PersonalColumn.Mentions("Content"), PersonalColumn.Mentions("Key")])
            { ExportOnly = ["ParkedAt", "Reason", "Attempts", "ConversationId", "Key"], ForPerson = new(PersonalDataKind.MessageUndelivered) { At = "ParkedAt" } },
    ];

    private readonly TableClient table = storage.Parked;

    public Task ParkAsync(ParkedPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var content = Encoding.UTF8.GetBytes(post.Content);
        var row = new TableEntity(Keys.ParkedPartition(post.TenantId), Keys.ParkedRow(post.ParkedAt, post.MessageId))
        {
            ["ConversationId"] = post.ConversationId,
            ["Key"] = post.IdempotencyKey,
            ["Reason"] = post.Reason,
            ["Attempts"] = post.Attempts,
            ["MessageId"] = post.MessageId,
            ["Content"] = content.Length > MaxContentBytes ? content[..MaxContentBytes] : content,
            ["ParkedAt"] = post.ParkedAt,
            // A post to someone's personal chat is about them: export and erasure find it by this column.
            ["PersonId"] = post.PersonId,
        };
        // Upsert: the same message parked twice (a retry after a storage hiccup) stays one row.
        return table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Deletes a parked post of the tenant (a person's erasure) and the body row its envelope names, if it kept one.
    /// Returns whether this call deleted the post.
    /// </summary>
    internal async Task<bool> DeleteWithBodyAsync(TenantScope scope, TableEntity parked, CancellationToken cancellationToken)
    {
        if (BodyRowOf(scope, parked) is { } bodyRow)
        {
            await storage.Outbox.DeleteIfPresentAsync(Keys.OutboxPartition(scope.TenantId), bodyRow, cancellationToken);
        }

        return await table.DeleteIfPresentAsync(parked.PartitionKey, parked.RowKey, cancellationToken);
    }

    /// <summary>The tenant's parked posts, newest first.</summary>
    public Task<IReadOnlyList<ParkedPost>> ListAsync(TenantScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ListPartitionAsync(Keys.ParkedPartition(scope.TenantId), scope.TenantId, cancellationToken);
    }

    /// <summary>Messages that named no readable tenant.</summary>
    public Task<IReadOnlyList<ParkedPost>> ListUndecodableAsync(CancellationToken cancellationToken = default) =>
        ListPartitionAsync(Keys.UndecodablePartition, null, cancellationToken);

    private async Task<IReadOnlyList<ParkedPost>> ListPartitionAsync(string partition, string? tenantId, CancellationToken cancellationToken)
    {
        var posts = new List<ParkedPost>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            posts.Add(new ParkedPost(
                tenantId,
                row.GetString("ConversationId"),
                row.GetString("Key"),
                row.GetString("Reason") ?? string.Empty,
                row.GetInt32("Attempts") ?? 0,
                row.GetString("MessageId") ?? string.Empty,
                Encoding.UTF8.GetString(row.GetBinary("Content") ?? []),
                row.GetDateTimeOffset("ParkedAt") ?? default,
                row.GetString("PersonId")));
        }

        return posts;
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
