namespace AgendaBot.Infrastructure.Charts;

/// <summary>Where Teams fetches the pictures the bot puts in cards.</summary>
public sealed class ImageOptions
{
    public const string SectionName = "Images";

    /// <summary>
    /// The bot's public address as Teams clients reach it, e.g. https://agendabot.example.org (a path is allowed).
    /// Set it in every deployment: behind a proxy or load balancer the request's own address is an internal one.
    /// When empty, the address of the current request is used, which on a local run is the loopback address the
    /// Agents Playground called — right there, and only there.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public static bool IsValid(ImageOptions options) =>
        options.PublicBaseUrl is null
        || options.PublicBaseUrl is { IsAbsoluteUri: true, Scheme: "https" or "http", Query: "", Fragment: "" };
}
