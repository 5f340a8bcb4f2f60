using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace AgendaBot.Infrastructure.Telemetry;

/// <summary>
/// An image token is the only key to its picture (<c>GET /images/{token}.png</c>), so spans must not carry it: neither
/// the request to the bot nor the storage call that reads the picture (<c>…Images(PartitionKey='{token}',…)</c>).
/// Runs before the exporters and rewrites the URL tags and the span name.
/// </summary>
public sealed partial class ImageTokenRedaction : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "url.path", "http.url", "http.target"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url && Redact(url) is var redacted && !ReferenceEquals(redacted, url))
            {
                data.SetTag(tag, redacted);
            }
        }

        if (Redact(data.DisplayName) is var name && !ReferenceEquals(name, data.DisplayName))
        {
            data.DisplayName = name;
        }
    }

    /// <summary>The text with every image token replaced by <c>{token}</c>; the same instance when there is none.</summary>
    public static string Redact(string text) =>
        Token().IsMatch(text) ? Token().Replace(text, "${before}{token}") : text;

    [GeneratedRegex(@"(?<before>/images/|Images\(PartitionKey='|Images\(PartitionKey=%27)[A-Za-z0-9_-]{32}", RegexOptions.IgnoreCase)]
    private static partial Regex Token();
}
