using System.Globalization;
using System.Text;
using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>Labels from user text made fit for a chart: measured in pixels of the chart font, wrapped or shortened.</summary>
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
        using var font = ChartCanvas.Font(LabelFontSize);
        return Fit(Drawable(label, font.Typeface), maxPixels, font);
    }

    /// <summary>
    /// The label in lines of at most <paramref name="maxPixels"/>, broken between words (inside a word only when it
    /// is wider than a line); the last of <paramref name="maxLines"/> lines ends with "…" when text is left over.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string label, float maxPixels, SKFont font, int maxLines)
    {
        var elements = Drawable(label, font.Typeface);
        var lines = new List<string>();
        var start = 0;
        while (start < elements.Count && lines.Count < maxLines - 1)
        {
            var end = LongestFit(elements, start, maxPixels, font);
            if (end == elements.Count)
            {
                lines.Add(string.Concat(elements.Skip(start)));
                return lines;
            }

            // Back to the last space in the line, unless the word alone is wider than the line.
            var space = elements.FindLastIndex(end, end - start, e => e == " ");
            var cut = space > start ? space : end;
            lines.Add(string.Concat(elements.Skip(start).Take(cut - start)).TrimEnd());
            start = cut < elements.Count && elements[cut] == " " ? cut + 1 : cut;
        }

        if (start < elements.Count)
        {
            lines.Add(Fit(elements.Skip(start).ToList(), maxPixels, font));
        }

        return lines;
    }

    // The end (exclusive) of the longest run of elements from start that fits in one line.
    private static int LongestFit(List<string> elements, int start, float maxPixels, SKFont font)
    {
        var (low, high) = (start + 1, elements.Count);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = font.MeasureText(string.Concat(elements.Skip(start).Take(middle - start))) <= maxPixels
                ? (middle, high)
                : (low, middle - 1);
        }

        return low;
    }

    private static string Fit(List<string> elements, float maxPixels, SKFont font)
    {
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
