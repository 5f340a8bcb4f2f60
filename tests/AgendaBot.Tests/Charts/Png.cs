using System.Buffers.Binary;
using System.IO.Compression;
using AgendaBot.Testing;

namespace AgendaBot.Tests.Charts;

/// <summary>
/// Just enough of a PNG reader to check what the charts produce: the signature, the size from the IHDR chunk and the
/// colour of pixels (8-bit RGB or RGBA, not interlaced — what SkiaSharp writes).
/// </summary>
internal sealed class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly byte[] pixels;
    private readonly int channels;

    private Png(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public static bool HasSignature(byte[] file) => file.AsSpan().StartsWith(Signature);

    /// <summary>Reads the file; throws if it is not a PNG this reader understands.</summary>
    public static Png Read(byte[] file)
    {
        Assert.True(HasSignature(file), "no PNG signature");
        var (width, height, channels) = (0, 0, 0);
        using var data = new MemoryStream();
        for (var at = Signature.Length; at < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var body = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                Assert.Equal(8, body[8]);
                Assert.Equal(0, body[12]);
                channels = body[9] switch { 2 => 3, 6 => 4, var other => throw new NotSupportedException($"colour type {other}") };
            }
            else if (type == "IDAT")
            {
                data.Write(body);
            }

            at += 12 + length;
        }

        data.Position = 0;
        using var inflate = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        return new Png(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
    }

    /// <summary>How many pixels have exactly this colour, as "#RRGGBB".</summary>
    public int Count(string hex)
    {
        var (r, g, b) = (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
        var count = 0;
        for (var i = 0; i < pixels.Length; i += channels)
        {
            if (pixels[i] == r && pixels[i + 1] == g && pixels[i + 2] == b)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Keeps a picture for a person to look at: artifacts/charts/{name}.png (not committed).</summary>
    public static void Keep(string name, byte[] file)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "charts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), file);
    }

    // PNG filters each row against the one above; undoing them gives plain pixels (RFC 2083, section 6).
    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var result = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? result[(y * stride) + x - channels] : 0;
                int b = y > 0 ? result[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? result[((y - 1) * stride) + x - channels] : 0;
                var value = raw[(y * (stride + 1)) + 1 + x];
                result[(y * stride) + x] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"filter {filter}"),
                });
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
