using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgendaBot.Domain.Common;

namespace AgendaBot.Bot.Cards;

/// <summary>
/// Reads a card action's data into its record. Whatever a card claims is only a claim: a payload that does not
/// parse is refused here, and the handlers check every id in it against what the server knows.
/// </summary>
public static class CardPayload
{
    /// <summary>The subject of the refusal of a payload that is incomplete or does not parse (a card of an older version, or forged).</summary>
    public const string Subject = "card data";

    public static T Read<T>(JsonElement? data, JsonTypeInfo<T> type) where T : class
    {
        if (data is not { ValueKind: JsonValueKind.Object } json)
        {
            throw new DomainException(DomainErrorCode.InvalidValue, Subject);
        }

        try
        {
            return json.Deserialize(type) ?? throw new DomainException(DomainErrorCode.InvalidValue, Subject);
        }
        catch (JsonException)
        {
            throw new DomainException(DomainErrorCode.InvalidValue, Subject);
        }
    }

    public static JsonElement Write<T>(T data, JsonTypeInfo<T> type) => JsonSerializer.SerializeToElement(data, type);
}
