using AgendaBot.Protocol.Activities;
using Microsoft.Extensions.Options;

namespace AgendaBot.Bot.Endpoint;

/// <summary>
/// Who acts, and for which tenant, is read from the activity; so only activities of the channels and tenants the bot
/// serves get that far: Teams (<c>msteams</c>) unless <c>MessageEndpoint:AllowedChannels</c> says otherwise, and the
/// tenants of <c>Bot:AllowedTenants</c> (or <c>Bot:TenantId</c>), all when neither is set.
/// </summary>
public sealed class TeamsDoor
{
    public const string Teams = "msteams";

    public TeamsDoor(IOptions<MessageEndpointOptions> endpoint, IOptions<BotCredentialOptions> bot)
    {
        var channels = Listed(endpoint.Value.AllowedChannels);
        Channels = channels.Count == 0 ? [Teams] : channels;
        Tenants = ServedTenants(bot.Value);
    }

    /// <summary>The channel ids served.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The tenant ids served; null when every tenant is.</summary>
    public IReadOnlyList<string>? Tenants { get; }

    /// <summary>Why the activity may not come in (a short reason for the 403 and the log), or null when it may.</summary>
    public string? Refusal(Activity activity)
    {
        // Reasons never repeat what the activity says: it is the caller's text, of any length.
        if (activity.ChannelId is not { } channel || !Channels.Contains(channel, StringComparer.OrdinalIgnoreCase))
        {
            return $"the activity's channel is not served (served: {string.Join(", ", Channels)})";
        }

        var conversationTenant = activity.Conversation?.TenantId;
        var channelDataTenant = activity.ChannelData?.Tenant?.Id;
        if (conversationTenant is not null && channelDataTenant is not null
            && !string.Equals(conversationTenant, channelDataTenant, StringComparison.OrdinalIgnoreCase))
        {
            return "the activity names two different tenants";
        }

        if (Tenants is null)
        {
            return null;
        }

        return activity.TenantId switch
        {
            null or "" => "the activity names no tenant, and this bot serves listed tenants only",
            var tenant when !Tenants.Contains(tenant, StringComparer.OrdinalIgnoreCase) => "the activity's tenant is not served by this bot",
            _ => null,
        };
    }

    private static List<string>? ServedTenants(BotCredentialOptions options)
    {
        var listed = Listed(options.AllowedTenants);
        if (listed.Contains(BotCredentialOptions.AllTenants))
        {
            return null;
        }

        if (listed.Count > 0)
        {
            return listed;
        }

        return string.IsNullOrWhiteSpace(options.TenantId) ? null : [options.TenantId.Trim()];
    }

    private static List<string> Listed(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
}
