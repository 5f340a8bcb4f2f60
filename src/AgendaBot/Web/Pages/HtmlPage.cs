using System.Text;
using System.Text.Encodings.Web;
using AgendaBot.Bot.Localization;

namespace AgendaBot.Web.Pages;

/// <summary>
/// A page for people outside Teams, written as plain HTML: one stylesheet of the bot's own, no script, nothing from
/// another site. Every text goes through the HTML encoder, whoever wrote it.
/// </summary>
public sealed class HtmlPage
{
    // Letters of every language stay as they are (the page is UTF-8); what could be markup is encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly StringBuilder html = new();
    private bool closed;

    /// <param name="otherLanguage">The same page in the other language, linked at the top.</param>
    /// <param name="site">Who runs the site, shown beside the site's name when known.</param>
    /// <param name="feed">The page's Atom feed, announced in its head for feed readers.</param>
    public HtmlPage(Texts texts, string title, string otherLanguage, string? site, string? feed = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var lang = texts.Culture.TwoLetterISOLanguageName;
        var siteName = string.IsNullOrWhiteSpace(site) ? texts[TextKey.PagesSiteName] : $"{texts[TextKey.PagesSiteName]} – {site}";
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" – ").Append(Encode(siteName)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(PublicStyles.Route).Append("\">\n")
            .Append(feed is null ? string.Empty : $"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{Encode(feed)}\">\n")
            .Append("</head>\n<body>\n")
            .Append("<header>\n<p class=\"site\">").Append(Encode(siteName)).Append("</p>\n")
            .Append("<nav aria-label=\"").Append(Encode(texts[TextKey.PagesLanguageNav])).Append("\"><a href=\"").Append(Encode(otherLanguage))
            .Append("\" hreflang=\"").Append(lang == "de" ? "en" : "de").Append("\" lang=\"").Append(lang == "de" ? "en" : "de").Append("\">")
            .Append(Encode(texts[TextKey.PagesOtherLanguage])).Append("</a></nav>\n</header>\n<main>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        Texts = texts;
    }

    private Texts Texts { get; }

    public void Heading(string text) => html.Append("<h2>").Append(Encode(text)).Append("</h2>\n");

    public void Paragraph(string text) => html.Append("<p>").Append(Encode(text)).Append("</p>\n");

    public void List(IEnumerable<string> items)
    {
        html.Append("<ul>\n");
        foreach (var item in items)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A paragraph that is a link (or several, separated by " · ").</summary>
    public void Links(IEnumerable<(string Title, string Href)> links) =>
        html.Append("<p>").Append(string.Join(" · ", links.Select(l => $"<a href=\"{Encode(l.Href)}\">{Encode(l.Title)}</a>"))).Append("</p>\n");

    /// <summary>Term and description pairs (period, status, progress …).</summary>
    public void Definitions(IEnumerable<(string Term, string Description)> pairs)
    {
        html.Append("<dl>\n");
        foreach (var (term, description) in pairs)
        {
            html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>").Append(Encode(description)).Append("</dd>\n");
        }

        html.Append("</dl>\n");
    }

    /// <summary>A table with a caption and column headers; a cell with a link shows the text as that link.</summary>
    public void Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<(string Text, string? Href)>> rows)
    {
        html.Append("<div class=\"table\"><table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (text, href) in row)
            {
                html.Append("<td>").Append(href is null ? Encode(text) : $"<a href=\"{Encode(href)}\">{Encode(text)}</a>").Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
    }

    /// <summary>
    /// What went wrong with a sent form, first on the page and announced: each problem links to its field.
    /// </summary>
    public void Problems(string heading, IEnumerable<(string Text, string FieldId)> problems)
    {
        html.Append("<div class=\"problems\" role=\"alert\" tabindex=\"-1\" id=\"problems\">\n<h2>").Append(Encode(heading)).Append("</h2>\n<ul>\n");
        foreach (var (text, fieldId) in problems)
        {
            html.Append("<li><a href=\"#").Append(Encode(fieldId)).Append("\">").Append(Encode(text)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</div>\n");
    }

    /// <summary>A form posted to this site; its fields follow, then <see cref="EndForm"/>.</summary>
    public void BeginForm(string action) =>
        html.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\" accept-charset=\"utf-8\">\n");

    public void Hidden(string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(Encode(name)).Append("\" value=\"").Append(Encode(value)).Append("\">\n");

    public void Select(FormField field, IEnumerable<string> options, string placeholder, string? selected)
    {
        Label(field);
        html.Append("<select").Append(Attributes(field)).Append(">\n<option value=\"\">").Append(Encode(placeholder)).Append("</option>\n");
        foreach (var option in options)
        {
            html.Append("<option value=\"").Append(Encode(option)).Append('"').Append(option == selected ? " selected" : string.Empty).Append('>')
                .Append(Encode(option)).Append("</option>\n");
        }

        html.Append("</select>\n").Append(Error(field)).Append("</div>\n");
    }

    public void TextArea(FormField field, int maxLength, string? value)
    {
        Label(field);
        html.Append("<textarea rows=\"8\" maxlength=\"").Append(maxLength).Append('"').Append(Attributes(field)).Append('>').Append(Encode(value ?? string.Empty))
            .Append("</textarea>\n").Append(Error(field)).Append("</div>\n");
    }

    public void TextInput(FormField field, int maxLength, string? value, string? autocomplete = null)
    {
        Label(field);
        html.Append("<input type=\"text\" maxlength=\"").Append(maxLength).Append('"').Append(Attributes(field))
            .Append(" autocomplete=\"").Append(autocomplete ?? "off").Append("\" value=\"").Append(Encode(value ?? string.Empty)).Append("\">\n")
            .Append(Error(field)).Append("</div>\n");
    }

    /// <summary>A checkbox whose label may carry a link (to the privacy notice it asks about).</summary>
    public void Checkbox(FormField field, bool isChecked, (string Title, string Href)? link = null)
    {
        html.Append("<div class=\"field check\">\n<input type=\"checkbox\" value=\"yes\"").Append(Attributes(field)).Append(isChecked ? " checked" : string.Empty)
            .Append(">\n<label for=\"").Append(Encode(field.Id)).Append("\">").Append(Encode(field.Label));
        if (link is { } l)
        {
            html.Append(" (<a href=\"").Append(Encode(l.Href)).Append("\">").Append(Encode(l.Title)).Append("</a>)");
        }

        html.Append("</label>\n").Append(Error(field)).Append("</div>\n");
    }

    /// <summary>
    /// A field people do not see and screen readers skip, that only a program filling in every field fills: a
    /// submission with it set is dropped without a word.
    /// </summary>
    public void Trap(string name, string label) =>
        html.Append("<div class=\"trap\" aria-hidden=\"true\"><label for=\"").Append(Encode(name)).Append("\">").Append(Encode(label))
            .Append("</label><input type=\"text\" id=\"").Append(Encode(name)).Append("\" name=\"").Append(Encode(name))
            .Append("\" tabindex=\"-1\" autocomplete=\"off\" value=\"\"></div>\n");

    public void EndForm(string submit) =>
        html.Append("<p><button type=\"submit\">").Append(Encode(submit)).Append("</button></p>\n</form>\n");

    private void Label(FormField field)
    {
        html.Append("<div class=\"field\">\n<label for=\"").Append(Encode(field.Id)).Append("\">").Append(Encode(field.Label)).Append("</label>\n");
        if (field.Hint is { } hint)
        {
            html.Append("<p class=\"hint\" id=\"").Append(Encode(field.Id)).Append("-hint\">").Append(Encode(hint)).Append("</p>\n");
        }
    }

    private static string Attributes(FormField field)
    {
        var described = string.Join(' ', new[] { field.Hint is null ? null : field.Id + "-hint", field.Error is null ? null : field.Id + "-error" }.OfType<string>());
        return $" id=\"{Encode(field.Id)}\" name=\"{Encode(field.Name)}\"{(field.Required ? " required" : string.Empty)}"
            + (field.Error is null ? string.Empty : " aria-invalid=\"true\"")
            + (described.Length == 0 ? string.Empty : $" aria-describedby=\"{Encode(described)}\"");
    }

    private static string Error(FormField field) =>
        field.Error is null ? string.Empty : $"<p class=\"error\" id=\"{Encode(field.Id)}-error\">{Encode(field.Error)}</p>\n";

    /// <summary>Markup drawn by this namespace (a figure) whose every text it encoded itself.</summary>
    internal void Trusted(string markup) => html.Append(markup);

    public void Address(IEnumerable<string> lines) =>
        html.Append("<address>").Append(string.Join("<br>\n", lines.Select(Encode))).Append("</address>\n");

    /// <summary>Ends the main part and adds the footer's links (title, path).</summary>
    public void Footer(IEnumerable<(string Title, string Path)> links)
    {
        html.Append("</main>\n<footer>\n<nav aria-label=\"").Append(Encode(Texts[TextKey.PagesLegalNav])).Append("\">\n<ul>\n");
        foreach (var (title, path) in links)
        {
            html.Append("<li><a href=\"").Append(Encode(path)).Append("\">").Append(Encode(title)).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n</footer>\n</body>\n</html>\n");
        closed = true;
    }

    public override string ToString() => closed ? html.ToString() : throw new InvalidOperationException("The page has no footer yet.");

    private static string Encode(string text) => Encoder.Encode(text);
}

/// <summary>One field of a form: its id and name, its label and hint, and what is wrong with what was sent in it.</summary>
public sealed record FormField(string Id, string Name, string Label, bool Required = false, string? Hint = null, string? Error = null);
