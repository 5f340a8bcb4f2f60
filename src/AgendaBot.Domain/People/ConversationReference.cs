namespace AgendaBot.Domain.People;

/// <summary>What the bot must remember of a conversation to post into it later without being asked.</summary>
/// <param name="Language">
/// For a personal chat, the language the person's Teams client last spoke to the bot in ("de" or "en"), so that posts
/// they did not ask for come in that language; null when not known (posts then come in German).
/// </param>
public sealed record ConversationReference(
    string TenantId,
    string ConversationId,
    string ServiceUrl,
    string BotId,
    string ConversationType,
    string? TeamId,
    string? ChannelId,
    string? UserId,
    DateTimeOffset UpdatedAt,
    string? Language = null);
