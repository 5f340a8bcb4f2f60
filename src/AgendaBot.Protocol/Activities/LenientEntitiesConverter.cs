using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AgendaBot.Protocol.Activities;

/// <summary>
/// Reads <c>entities</c> leniently. Entities are open-ended and the bot needs only mentions and the client's locale, so
/// an item that is no entity object (null, a number, a string, an array, an object with fields of the wrong type) is
/// left out instead of refusing the whole activity — and a null never reaches the code that reads mentions.
/// </summary>
public sealed class LenientEntitiesConverter : JsonConverter<IReadOnlyList<Entity>>
{
    public override IReadOnlyList<Entity>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var entityType = EntityType(options);
        var entities = new List<Entity>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Parsed first, so that a malformed entity can be dropped without losing the reader's place.
            var item = JsonElement.ParseValue(ref reader);
            if (item.ValueKind == JsonValueKind.Object && TryRead(item, entityType) is { } entity)
            {
                entities.Add(entity);
            }
        }

        return entities;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Entity> value, JsonSerializerOptions options)
    {
        var entityType = EntityType(options);
        writer.WriteStartArray();
        foreach (var entity in value)
        {
            JsonSerializer.Serialize(writer, entity, entityType);
        }

        writer.WriteEndArray();
    }

    private static JsonTypeInfo<Entity> EntityType(JsonSerializerOptions options) =>
        (JsonTypeInfo<Entity>)options.GetTypeInfo(typeof(Entity));

    private static Entity? TryRead(JsonElement item, JsonTypeInfo<Entity> entityType)
    {
        try
        {
            return item.Deserialize(entityType);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
