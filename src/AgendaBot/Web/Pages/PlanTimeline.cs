using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Agendas;

namespace AgendaBot.Web.Pages;

/// <summary>
/// The plan as a timeline: one bar per measure from start to end, numbered as in the table, coloured by status through
/// the stylesheet (the pages allow no inline style), the years marked, today as a line. Drawn as inline SVG whose
/// shapes are placed by attributes; every bar carries its measure, period and status as text, and the figure says that
/// the table above holds the same as text.
/// </summary>
public static class PlanTimeline
{
    private const double Width = 640, Left = 32, Right = 8, Row = 22, Top = 26, BarHeight = 14;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The figure, or null when no measure has both a start and an end.</summary>
    public static string? Render(PublishedAgenda agenda, DateOnly today, Texts texts)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var dated = agenda.Measures.Where(m => m is { Start: not null, End: not null } && m.End >= m.Start).ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        var from = new DateOnly(dated.Min(m => m.Start!.Value).Year, 1, 1);
        var to = new DateOnly(dated.Max(m => m.End!.Value).Year + 1, 1, 1);
        var days = to.DayNumber - from.DayNumber;
        double X(DateOnly day) => Left + ((Width - Left - Right) * (day.DayNumber - from.DayNumber) / days);
        var height = Top + (dated.Count * Row) + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"timeline-caption\" focusable=\"false\">\n");
        for (var year = from.Year; year < to.Year; year++)
        {
            var x = X(new DateOnly(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"year\" x=\"{x + 4:0.#}\" y=\"{Top - 10}\">{year}</text>\n");
        }

        for (var i = 0; i < dated.Count; i++)
        {
            var m = dated[i];
            var y = Top + (i * Row);
            var x1 = X(m.Start!.Value);
            var x2 = Math.Max(X(m.End!.Value.AddDays(1)), x1 + 2);
            var label = texts.Format(TextKey.PagesTimelineBar, m.Number, m.Title, m.Start.Value.ToString("d", texts.Culture),
                m.End.Value.ToString("d", texts.Culture), texts[$"Status{m.Status}"]);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"number\" x=\"{Left - 6}\" y=\"{y + BarHeight - 3}\">{m.Number}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {m.Status.ToString().ToLowerInvariant()}\" x=\"{x1:0.#}\" y=\"{y}\" width=\"{x2 - x1:0.#}\" height=\"{BarHeight}\" rx=\"3\">")
                .Append("<title>").Append(Encoder.Encode(label)).Append("</title></rect>\n");
        }

        var caption = texts.Format(TextKey.PagesTimelineCaption, dated.Count);
        if (today >= from && today < to)
        {
            var x = X(today);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"today\" x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height}\"/>\n");
            caption += " " + texts.Format(TextKey.PagesTimelineToday, today.ToString("d", texts.Culture));
        }

        svg.Append("</svg>\n");
        return $"<figure class=\"timeline\">\n{svg}<figcaption id=\"timeline-caption\">{Encoder.Encode(caption)}</figcaption>\n</figure>\n";
    }
}
