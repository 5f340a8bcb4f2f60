using AgendaBot.Domain.People;

namespace AgendaBot.Infrastructure.Graph;

/// <summary>What the registration card says about a group suggested from the person's directory profile.</summary>
public sealed record ProfileSuggestion(bool GraphAvailable, StakeholderGroup? Group)
{
    /// <summary>Graph is not configured: the card says a suggestion is not available.</summary>
    public static ProfileSuggestion Unavailable { get; } = new(false, null);

    /// <summary>Graph is there but has nothing to suggest (or the card is the one everybody sees).</summary>
    public static ProfileSuggestion None { get; } = new(true, null);
}
