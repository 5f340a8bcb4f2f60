using System.Collections.Concurrent;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Conversations;

/// <summary>Where the bot may post without being asked: one row per conversation it was installed in.</summary>
/// <param name="time">For how long a confirmed language is trusted (<see cref="LanguageMemory"/>); the system clock if none.</param>
public sealed class ConversationReferenceRepository(StorageTables tables, TimeProvider? time = null)
{
    /// <summary>
    /// How long this instance trusts a personal chat's language it has read or written itself: a plain turn then reads
    /// nothing. Another instance may store a newer language meanwhile (the person switched their client's language and
    /// back); this instance corrects it after at most this long.
    /// </summary>
    public static readonly TimeSpan LanguageMemory = TimeSpan.FromMinutes(5);

    // Bounded by the personal chats one instance serves; cleared when it grows past what a town has.
    private const int MaxRemembered = 20_000;

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<(string Tenant, string Conversation), (string Language, DateTimeOffset At)> languages = new();

    /// <summary>Teams' conversationType of a 1:1 chat between the bot and one user.</summary>
    public const string PersonalConversationType = "personal";

    private const string Language = "Language";

    /// <summary>
    /// What a conversation reference holds about people (<see cref="PersonalDataRegistry"/>): a personal chat is its
    /// person's, and its id finds the delivery rows about posts to them. Channels name nobody.
    /// </summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Conversations, string.Empty, RowErasure.Delete, [PersonalColumn.Owner(), new("ConversationId", Holds.Chat)])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.PersonalChat) { At = "UpdatedAt" } },
    ];

    private readonly TableClient table = tables.Conversations;

    /// <summary>
    /// Saved again on every install: the newest serviceUrl wins, which is what Teams asks for. A save that does not know
    /// a personal chat's language keeps the one stored before.
    /// </summary>
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var partition = Keys.TenantPartition(reference.TenantId);
        var rowKey = Keys.ConversationRow(reference.ConversationId);
        var language = reference.Language is null && reference.ConversationType == PersonalConversationType
            ? (await table.FindAsync(partition, rowKey, cancellationToken))?.GetString(Language)
            : reference.Language;
        var row = new TableEntity(partition, rowKey)
        {
            ["ConversationId"] = reference.ConversationId,
            ["ServiceUrl"] = reference.ServiceUrl,
            ["BotId"] = reference.BotId,
            ["ConversationType"] = reference.ConversationType,
            ["TeamId"] = reference.TeamId,
            ["ChannelId"] = reference.ChannelId,
            ["UpdatedAt"] = reference.UpdatedAt,
        };
        if (reference.UserId is not null)
        {
            row["PersonId"] = reference.UserId;
        }

        if (language is not null)
        {
            row[Language] = language;
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        Remember(reference.TenantId, reference.ConversationId, language);
    }

    /// <summary>
    /// The person wrote in a stored conversation: remember the language they wrote in. Changes only a row that exists
    /// (a chat whose reference was erased is not brought back) and writes only when the language changed.
    /// </summary>
    /// <returns>True when the stored language changed.</returns>
    public async Task<bool> UpdateLanguageAsync(TenantScope scope, string conversationId, string language, CancellationToken cancellationToken = default)
    {
        if (languages.TryGetValue((scope.TenantId, conversationId), out var known) && known.Language == language
            && clock.GetUtcNow() - known.At < LanguageMemory)
        {
            return false;
        }

        var row = await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.ConversationRow(conversationId), cancellationToken);
        if (row is null || row.GetString(Language) == language)
        {
            Remember(scope.TenantId, conversationId, row?.GetString(Language));
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [Language] = language }, row.ETag,
                TableUpdateMode.Merge, cancellationToken);
            Remember(scope.TenantId, conversationId, language);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound || failure.IsStale())
        {
            // Erased or saved again meanwhile: the newer row stands, and the next message tells the language again.
            Remember(scope.TenantId, conversationId, null);
            return false;
        }
    }

    // A chat without a row (never installed, or erased) is remembered as nothing: the next turn reads again.
    private void Remember(string tenantId, string conversationId, string? language)
    {
        if (language is null)
        {
            languages.TryRemove((tenantId, conversationId), out _);
            return;
        }

        if (languages.Count >= MaxRemembered)
        {
            languages.Clear();
        }

        languages[(tenantId, conversationId)] = (language, clock.GetUtcNow());
    }

    public async Task<ConversationReference?> GetAsync(TenantScope scope, string conversationId, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.ConversationRow(conversationId), cancellationToken);
        return row is null ? null : ToReference(scope.TenantId, row);
    }

    /// <summary>The personal chat with a user, for 1:1 posts such as the weekly status; never a group chat or channel they were seen in.</summary>
    public async Task<ConversationReference?> FindPersonalChatAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Keys.TenantPartition(scope.TenantId)} and PersonId eq {userId} and ConversationType eq {PersonalConversationType}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            return ToReference(scope.TenantId, row);
        }

        return null;
    }

    public Task DeleteAsync(TenantScope scope, string conversationId, CancellationToken cancellationToken = default) =>
        table.DeleteEntityAsync(Keys.TenantPartition(scope.TenantId), Keys.ConversationRow(conversationId), cancellationToken: cancellationToken);

    private static ConversationReference ToReference(string tenantId, TableEntity row) => new(
        tenantId,
        row.GetString("ConversationId"),
        row.GetString("ServiceUrl"),
        row.GetString("BotId"),
        row.GetString("ConversationType"),
        row.GetString("TeamId"),
        row.GetString("ChannelId"),
        row.GetString("PersonId"),
        row.GetDateTimeOffset("UpdatedAt") ?? default,
        row.GetString(Language));
}
