using System.Globalization;
using System.Text;
using System.Xml;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The Atom feed of a published agenda (RFC 4287): each new version, and each measure whose status or progress it
/// changed — what a local newspaper or an interested citizen follows without visiting the page every week.
/// </summary>
public static class AtomFeed
{
    public static byte[] Render(Publication publication, PublishedAgenda version, Uri baseUrl, bool english, PublicPagesOptions site)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(version);
        var texts = new Texts(CultureInfo.GetCultureInfo(english ? "en" : "de"));
        string Absolute(string path) => new Uri(baseUrl, path.TrimStart('/') + (english ? "?lang=en" : string.Empty)).AbsoluteUri;
        var page = Absolute(AgendaPages.PathOf(publication.PublicId));
        using var buffer = new MemoryStream();
        // The writer encodes every text; nothing anyone typed can become markup in the feed.
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, texts.Culture.TwoLetterISOLanguageName);
            xml.WriteElementString("id", page);
            xml.WriteElementString("title", version.Title);
            xml.WriteElementString("updated", Timestamp(publication.News.Count > 0 ? publication.News[0].At : version.PublishedAt));
            Link(xml, "alternate", "text/html", page);
            Link(xml, "self", "application/atom+xml", Absolute(AgendaPages.PathOf(publication.PublicId) + "/feed.atom"));
            xml.WriteStartElement("author");
            xml.WriteElementString("name", string.IsNullOrWhiteSpace(site.OperatorName) ? texts[TextKey.PagesSiteName] : site.OperatorName);
            xml.WriteEndElement();
            for (var i = 0; i < publication.News.Count; i++)
            {
                var news = publication.News[i];
                xml.WriteStartElement("entry");
                // Stable per item: the moment of the version and the measure it is about.
                xml.WriteElementString("id", $"{page}#{news.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{news.MeasureNumber?.ToString(CultureInfo.InvariantCulture) ?? "fassung"}");
                xml.WriteElementString("title", news.IsNewVersion
                    ? texts.Format(TextKey.PagesFeedVersion, TimeZoneInfo.ConvertTime(news.At, Berlin).ToString("d", texts.Culture))
                    : texts.Format(TextKey.PagesFeedMeasure, news.MeasureTitle, texts[$"Status{news.Status}"], news.Progress));
                xml.WriteElementString("updated", Timestamp(news.At));
                Link(xml, "alternate", "text/html",
                    news.IsNewVersion || version.Measures.All(m => m.Number != news.MeasureNumber || m.Title != news.MeasureTitle)
                        ? page
                        : Absolute(AgendaPages.PathOf(publication.PublicId, news.MeasureNumber!.Value)));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
