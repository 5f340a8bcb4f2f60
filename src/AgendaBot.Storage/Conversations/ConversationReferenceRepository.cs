using AgendaBot.Domain.People;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Conversations;

/// <summary>Where the bot may post without being asked: one row per conversation it was installed in.</summary>
public sealed class ConversationReferenceRepository(StorageTables tables)
{
    /// <summary>Teams' conversationType of a 1:1 chat between the bot and one user.</summary>
    public const string PersonalConversationType = "personal";

    private readonly TableClient table = tables.Conversations;

    /// <summary>Saved again on every install and message: the newest serviceUrl wins, which is what Teams asks for.</summary>
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Keys.TenantPartition(reference.TenantId), Keys.ConversationRow(reference.ConversationId))
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

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
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
        row.GetDateTimeOffset("UpdatedAt") ?? default);
}
