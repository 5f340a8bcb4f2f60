namespace AgendaBot.Protocol.Authentication;

/// <summary>
/// Where the bot may send its answers: the <c>serviceUrl</c> of an activity must be an https address — Teams' always
/// is. Plain http only to this machine, for local runs and tests. Anything else (<c>javascript:</c>, <c>file:</c>, a
/// relative path, http to another host) is refused before the bot could post the conversation there.
/// </summary>
public static class ServiceUrlRule
{
    /// <summary>Why the service URL is not acceptable, or null when it is.</summary>
    public static string? Problem(string? serviceUrl, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "the activity has no serviceUrl";
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            return "the activity's serviceUrl is not an absolute URL";
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)
        {
            return allowLoopbackHttp ? null : "the activity's serviceUrl must be https";
        }

        return allowLoopbackHttp
            ? "the activity's serviceUrl must be https (or http to this machine)"
            : "the activity's serviceUrl must be https";
    }
}
