using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>What every chart shares: the font, the colours, the sizes people see, and the "no data" picture.</summary>
internal static class ChartStyle
{
    /// <summary>Debian's fonts-dejavu-core: it has every German letter, and the same font everywhere means the same pixels.</summary>
    public const string FontName = "DejaVu Sans";

    /// <summary>The width a Teams card shows a stretched picture at, in the units of <see cref="ChartCanvas"/>.</summary>
    public const int Width = 450;

    /// <summary>Pixels per unit: sharp on high-density screens, and 900 px wide stays inside Teams' 1024 px.</summary>
    public const float PixelScale = 2;

    public const float Margin = 14;

    /// <summary>The smallest text on a chart, as people see it in the card: 12 px (labels, ticks, the legend).</summary>
    public const float LabelSize = 13;

    public const float SmallSize = 12;
    public const float TitleSize = 15;

    /// <summary>
    /// Rows one chart draws at most: more would make the card a long scroll and the picture too tall for Teams' 1024 px
    /// at a readable size. Callers show the top of a longer list and say so in the card.
    /// </summary>
    public const int MaxRows = 15;

    public static readonly SKColor Text = SKColor.Parse("#242424");
    public static readonly SKColor Subtle = SKColor.Parse("#616161");
    public static readonly SKColor Grid = SKColor.Parse("#E0E0E0");
    public static readonly SKColor Accent = SKColor.Parse("#0F6CBD");
    public static readonly SKColor AccentDark = SKColor.Parse("#0A3F6E");

    private static readonly Lock FontLock = new();
    private static SKTypeface? regular;
    private static SKTypeface? bold;

    public static SKTypeface Typeface(bool isBold)
    {
        EnsureFont();
        return (isBold ? bold : regular)!;
    }

    /// <summary>The title, wrapped to the width; returns the y below it.</summary>
    public static float Title(ChartCanvas canvas, string title)
    {
        using var font = ChartCanvas.Font(TitleSize, bold: true);
        return canvas.Lines(ChartText.Wrap(title, Width - (2 * Margin), font, maxLines: 2), Margin, Margin, font, Text, 20) + 4;
    }

    /// <summary>
    /// An empty chart still answers a question ("nobody voted yet"), so it is a picture with the title and a sentence
    /// rather than an exception every caller has to handle.
    /// </summary>
    public static byte[] NoData(string title, string text)
    {
        using var font = ChartCanvas.Font(LabelSize);
        using var titleFont = ChartCanvas.Font(TitleSize, bold: true);
        var titleLines = ChartText.Wrap(title, Width - (2 * Margin), titleFont, maxLines: 2);
        var textLines = ChartText.Wrap(text, Width - (2 * Margin), font, maxLines: 3);
        using var canvas = ChartCanvas.Create((int)Math.Ceiling((2 * Margin) + (titleLines.Count * 20) + 12 + (textLines.Count * 18)));
        var y = Title(canvas, title) + 8;
        canvas.Lines(textLines, Margin, y, font, Subtle, 18);
        return canvas.ToPng();
    }

    public static void CheckRows(int rows, string name)
    {
        if (rows > MaxRows)
        {
            throw new ArgumentException($"At most {MaxRows} rows fit in one chart; {rows} given.", name);
        }
    }

    /// <summary>Once per process, before any text is measured or drawn.</summary>
    public static void EnsureFont()
    {
        lock (FontLock)
        {
            if (regular is not null)
            {
                return;
            }

            // Loading the files by name makes the font independent of how SkiaSharp finds system fonts.
            const string folder = "/usr/share/fonts/truetype/dejavu/";
            bold = Load(folder + "DejaVuSans-Bold.ttf", SKFontStyle.Bold);
            regular = Load(folder + "DejaVuSans.ttf", SKFontStyle.Normal);
        }
    }

    private static SKTypeface Load(string file, SKFontStyle style) =>
        (File.Exists(file) ? SKTypeface.FromFile(file) : null) ?? SKTypeface.FromFamilyName(FontName, style) ?? SKTypeface.Default;
}
