namespace AgendaBot.Bot.Endpoint;

public sealed class MessageEndpointOptions
{
    public const string SectionName = "MessageEndpoint";

    /// <summary>Teams activities are a few KB; anything far larger is refused before it is parsed.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The channel ids whose activities are served; empty means Teams (<c>msteams</c>) only. Identities and tenants
    /// are read from the activity, so another channel would let its callers speak for Teams users.
    /// </summary>
    public List<string> AllowedChannels { get; set; } = [];
}
