using System.Text.RegularExpressions;

namespace AgendaBot.Protocol.Activities;

/// <summary>
/// Removes the bot's own @mention from a message text. Uses the mention entities the channel sent rather than
/// guessing at <c>&lt;at&gt;</c> tags, because a user may mention other people whose mentions must stay.
/// </summary>
public static partial class MentionText
{
    public static string WithoutMentionOf(Activity activity, string? accountId)
    {
        var text = activity.Text ?? string.Empty;
        if (string.IsNullOrEmpty(accountId) || activity.Entities is null)
        {
            return text.Trim();
        }

        foreach (var mention in activity.Entities.Select(e => e.AsMention()).OfType<Mention>())
        {
            if (string.Equals(mention.Mentioned.Id, accountId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        return SpacesLeftByRemoval().Replace(text, " ").Trim();
    }

    public static bool Mentions(Activity activity, string? accountId) =>
        !string.IsNullOrEmpty(accountId)
        && activity.Entities?.Select(e => e.AsMention()).OfType<Mention>()
            .Any(m => string.Equals(m.Mentioned.Id, accountId, StringComparison.OrdinalIgnoreCase)) == true;

    // Only runs of spaces are collapsed: line breaks in a contribution are the author's and must survive.
    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex SpacesLeftByRemoval();
}
