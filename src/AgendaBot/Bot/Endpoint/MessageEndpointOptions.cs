namespace AgendaBot.Bot.Endpoint;

public sealed class MessageEndpointOptions
{
    public const string SectionName = "MessageEndpoint";

    /// <summary>Teams activities are a few KB; anything far larger is refused before it is parsed.</summary>
    public long MaxBodyBytes { get; set; } = 256 * 1024;
}
