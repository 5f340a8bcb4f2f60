using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Protocol.Cards;

/// <summary>
/// A column's width, an open value space in Adaptive Cards: "auto", "stretch", a relative weight (a number) or pixels
/// ("50px"). The factories keep the spelling in one place.
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string keyword, int number)
    {
        Keyword = keyword;
        Number = number;
    }

    /// <summary>"auto", "stretch" or "px"; <see cref="Number"/> is the weight or the pixels.</summary>
    internal string? Keyword { get; }

    internal int Number { get; }

    public static ColumnWidth Auto { get; } = new("auto", 0);

    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>A share of the room left, relative to the other weighted columns.</summary>
    public static ColumnWidth Weighted(int weight) =>
        weight > 0 ? new(string.Empty, weight) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A column weight is positive.");

    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new("px", pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A column is at least one pixel wide.");

    public override string ToString() => Keyword switch
    {
        "px" => string.Create(CultureInfo.InvariantCulture, $"{Number}px"),
        "" => Number.ToString(CultureInfo.InvariantCulture),
        null => "(none)",
        _ => Keyword,
    };
}

/// <summary>Writes a <see cref="ColumnWidth"/> as Adaptive Cards spells it; cards are never read back.</summary>
public sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are only written.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        switch (value.Keyword)
        {
            case null:
                // default(ColumnWidth) came from no factory; writing it would send a width Teams does not know.
                throw new JsonException("A column width is made by one of the ColumnWidth factories.");
            case "":
                writer.WriteNumberValue(value.Number);
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
