using ScottPlot;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>What every chart shares: the font, the colours, the size rules, the "no data" picture and PNG output.</summary>
internal static class ChartStyle
{
    /// <summary>Debian's fonts-dejavu-core: it has every German letter, and the same font everywhere means the same pixels.</summary>
    public const string FontName = "DejaVu Sans";

    public const int Width = 800;

    /// <summary>Pixels per bar: small pictures load fast in a Teams client on a slow line.</summary>
    public const int RowHeight = 28;

    /// <summary>
    /// Teams shows card images up to 1024 × 1024 px; 32 rows keep either chart below that. Callers show the top of a
    /// longer list (and say so in the card).
    /// </summary>
    public const int MaxRows = 32;

    public static readonly Color Text = Color.FromHex("#242424");
    public static readonly Color Grid = Color.FromHex("#E0E0E0");
    public static readonly Color Accent = Color.FromHex("#0F6CBD");
    public static readonly Color AccentDark = Color.FromHex("#0A3F6E");

    private static readonly Lock FontLock = new();
    private static bool fontLoaded;

    /// <summary>A plot with the house style; the caller adds data, then calls <see cref="ToPng"/>.</summary>
    public static Plot NewPlot(string title)
    {
        EnsureFont();
        var plot = new Plot();
        plot.Title(title, size: 16);
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Color(Text);
        return plot;
    }

    /// <summary>PNG bytes. SkiaSharp writes no time stamp or other varying chunk, so the same plot gives the same bytes.</summary>
    public static byte[] ToPng(Plot plot, int height)
    {
        // Set last, so that labels added after NewPlot get the font too.
        plot.Font.Set(FontName);
        return plot.GetImageBytes(Width, height, ImageFormat.Png);
    }

    /// <summary>
    /// An empty chart still answers a question ("nobody voted yet"), so it is a picture with the title and a sentence
    /// rather than an exception every caller has to handle.
    /// </summary>
    public static byte[] NoData(string title, string text)
    {
        var plot = NewPlot(title);
        plot.HideAxesAndGrid();
        plot.Axes.Title.IsVisible = true;
        var note = plot.Add.Annotation(text, Alignment.MiddleCenter);
        note.LabelFontSize = 14;
        note.LabelFontColor = Text;
        note.LabelBackgroundColor = Colors.Transparent;
        note.LabelBorderColor = Colors.Transparent;
        note.LabelShadowColor = Colors.Transparent;
        return ToPng(plot, 120);
    }

    public static int HeightFor(int rows, int chrome) => chrome + (RowHeight * Math.Max(rows, 1));

    public static void CheckRows(int rows, string name)
    {
        if (rows > MaxRows)
        {
            throw new ArgumentException($"At most {MaxRows} rows fit in one chart; {rows} given.", name);
        }
    }

    /// <summary>Once per process, before any text is measured or drawn; ScottPlot's typeface cache is thread-safe after that.</summary>
    public static void EnsureFont()
    {
        lock (FontLock)
        {
            if (fontLoaded)
            {
                return;
            }

            // Registering the file by name makes the font independent of how SkiaSharp finds system fonts.
            const string folder = "/usr/share/fonts/truetype/dejavu/";
            foreach (var (file, bold) in new[] { ("DejaVuSans.ttf", false), ("DejaVuSans-Bold.ttf", true) })
            {
                if (File.Exists(folder + file))
                {
                    Fonts.AddFontFile(FontName, folder + file, bold, italic: false);
                }
            }

            Fonts.Default = FontName;
            fontLoaded = true;
        }
    }
}
