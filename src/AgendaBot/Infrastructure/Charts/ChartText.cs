using System.Globalization;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>Labels from user text made fit for one line of a chart: measured in pixels of the chart font.</summary>
internal static class ChartText
{
    public const float LabelFontSize = 12;
    private const string Ellipsis = "…";

    /// <summary>
    /// One line, without characters the font has no glyph for (emoji would show as boxes), shortened to
    /// <paramref name="maxPixels"/> with an ellipsis, at a word boundary when one is near. Counting characters is not
    /// enough: forty "W" are three times as wide as forty "i".
    /// </summary>
    public static string Fit(string label, float maxPixels)
    {
        ChartStyle.EnsureFont();
        using var font = new SKFont(Fonts.GetTypeface(ChartStyle.FontName, bold: false, italic: false), LabelFontSize);
        var elements = Drawable(label, font.Typeface);
        var text = string.Concat(elements);
        if (font.MeasureText(text) <= maxPixels)
        {
            return text;
        }

        // The longest prefix that fits with the ellipsis; cut between text elements, never inside one.
        var (low, high) = (0, elements.Count);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = font.MeasureText(string.Concat(elements.Take(middle)) + Ellipsis) <= maxPixels
                ? (middle, high)
                : (low, middle - 1);
        }

        var cut = string.Concat(elements.Take(low));
        var space = cut.LastIndexOf(' ');
        if (space > 0 && space >= cut.Length * 2 / 3)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-', '–') + Ellipsis;
    }

    // Line breaks and tabs become one space; runs of blanks collapse; elements the font cannot draw are left out.
    private static List<string> Drawable(string label, SKTypeface typeface)
    {
        var elements = new List<string>();
        var blank = true;
        var walker = StringInfo.GetTextElementEnumerator(label.Trim());
        while (walker.MoveNext())
        {
            var element = walker.GetTextElement();
            if (element.All(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                if (!blank)
                {
                    elements.Add(" ");
                }

                blank = true;
            }
            else if (element.EnumerateRunes().All(rune => typeface.ContainsGlyph(rune.Value) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark))
            {
                elements.Add(element);
                blank = false;
            }
        }

        if (elements.Count > 0 && elements[^1] == " ")
        {
            elements.RemoveAt(elements.Count - 1);
        }

        return elements;
    }
}
