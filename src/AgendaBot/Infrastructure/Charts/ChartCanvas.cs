using SkiaSharp;

namespace AgendaBot.Infrastructure.Charts;

/// <summary>
/// Drawing in the units a Teams card shows a picture in. Teams stretches a card's image to the card's width (about
/// 450 px), so a chart is laid out for that width and drawn with twice the pixels for sharp screens; text sizes here
/// are what people see. Same input, same bytes: no time stamp, the font from a file.
/// </summary>
internal sealed class ChartCanvas : IDisposable
{
    private readonly SKSurface surface;

    private ChartCanvas(int height)
    {
        // Teams shows card images up to 1024 × 1024 px; a tall chart gets fewer pixels per unit, never a larger file.
        Scale = Math.Min(ChartStyle.PixelScale, 1024f / Math.Max(ChartStyle.Width, height));
        Height = height;
        surface = SKSurface.Create(new SKImageInfo(Pixels(ChartStyle.Width), Pixels(height), SKColorType.Rgba8888, SKAlphaType.Premul));
        Canvas.Clear(SKColors.White);
        Canvas.Scale(Scale);
    }

    public float Scale { get; }

    public int Height { get; }

    public SKCanvas Canvas => surface.Canvas;

    public static ChartCanvas Create(int height) => new(height);

    public static SKFont Font(float size, bool bold = false)
    {
        ChartStyle.EnsureFont();
        return new SKFont(ChartStyle.Typeface(bold), size) { Edging = SKFontEdging.Antialias, Subpixel = true };
    }

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };

    /// <summary>Lines of text, the first baseline <paramref name="top"/> + the font's ascent; returns the y below the last line.</summary>
    public float Lines(IReadOnlyList<string> lines, float x, float top, SKFont font, SKColor color, float lineHeight,
        SKTextAlign align = SKTextAlign.Left)
    {
        using var paint = Fill(color);
        var y = top;
        foreach (var line in lines)
        {
            Canvas.DrawText(line, x, y + Baseline(font, lineHeight), align, font, paint);
            y += lineHeight;
        }

        return y;
    }

    /// <summary>Where the baseline sits in a line box of <paramref name="lineHeight"/>, text centred in it.</summary>
    public static float Baseline(SKFont font, float lineHeight)
    {
        var metrics = font.Metrics;
        var textHeight = metrics.Descent - metrics.Ascent;
        return ((lineHeight - textHeight) / 2) - metrics.Ascent;
    }

    public byte[] ToPng()
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose() => surface.Dispose();

    private int Pixels(int units) => (int)Math.Ceiling(units * Scale);
}
