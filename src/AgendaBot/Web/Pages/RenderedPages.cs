using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The pages as last rendered, with their ETag, kept while what they were drawn from is the same: the publication,
/// accepted ideas and live status are read at most every 30 s and handed out as the same objects until then, so a page
/// drawn from the same objects (compared by reference) on the same day is the same page. A link in the newspaper then
/// costs a dictionary lookup, not a rendering and a hash per view.
/// </summary>
public sealed class RenderedPages
{
    // Every page of every published agenda in both languages many times over; beyond it the cache starts afresh.
    private const int MaxRemembered = 4_000;

    private readonly ConcurrentDictionary<string, (object[] From, byte[] Body, string ETag)> pages = new(StringComparer.Ordinal);

    /// <param name="key">The page: its path and language.</param>
    /// <param name="from">What the page is drawn from; a value that is no reference (a day, a switch) is compared by value.</param>
    public (byte[] Body, string ETag) Get(string key, object[] from, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(render);
        if (pages.TryGetValue(key, out var known) && Same(known.From, from))
        {
            return (known.Body, known.ETag);
        }

        var body = render();
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";
        if (pages.Count >= MaxRemembered)
        {
            pages.Clear();
        }

        pages[key] = (from, body, etag);
        return (body, etag);
    }

    private static bool Same(object[] a, object[] b) =>
        a.Length == b.Length && a.Zip(b).All(pair => pair.First.GetType().IsValueType ? pair.First.Equals(pair.Second) : ReferenceEquals(pair.First, pair.Second));
}
