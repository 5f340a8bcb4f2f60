namespace AgendaBot.Domain.People;

/// <summary>What the bot must remember of a conversation to post into it later without being asked.</summary>
public sealed record ConversationReference(
    string TenantId,
    string ConversationId,
    string ServiceUrl,
    string BotId,
    string ConversationType,
    string? TeamId,
    string? ChannelId,
    string? UserId,
    DateTimeOffset UpdatedAt);
