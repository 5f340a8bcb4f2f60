using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Bot.Cards;

/// <summary>
/// Input ids from the payload record Teams merges the input values into, so the record is the one source of truth: a
/// renamed property fails the first card that names it, not a click in Teams weeks later.
/// </summary>
public static class CardInput
{
    public static string Id<TPayload>(string property) =>
        typeof(TPayload).GetProperty(property) is not null
            ? JsonNamingPolicy.CamelCase.ConvertName(property)
            : throw new InvalidOperationException($"{typeof(TPayload).Name} has no property {property} for a card input.");

    /// <summary>
    /// The input for <paramref name="property"/> of row <paramref name="row"/> (from 0) of a list the card shows as rows
    /// of <typeparamref name="TRow"/>: "milestoneRow_1_date" is the date of the second milestone.
    /// </summary>
    public static string Row<TRow>(int row, string property) =>
        $"{JsonNamingPolicy.CamelCase.ConvertName(typeof(TRow).Name)}_{row.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{Id<TRow>(property)}";
}

/// <summary>
/// An <c>Input.Toggle</c> value: Teams sends its <c>valueOn</c>/<c>valueOff</c> strings ("true"/"false"). Anything but
/// "true" is off, as an unticked box.
/// </summary>
public sealed class CardBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.String => reader.GetString() == "true",
        _ => false,
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
