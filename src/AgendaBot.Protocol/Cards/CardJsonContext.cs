using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Cards;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class CardJsonContext : JsonSerializerContext;

public static class CardAttachments
{
    public static JsonElement ToJson(AdaptiveCard card) =>
        JsonSerializer.SerializeToElement(card, CardJsonContext.Default.AdaptiveCard);

    public static Attachment ToAttachment(AdaptiveCard card) => new()
    {
        ContentType = ContentTypes.AdaptiveCard,
        Content = ToJson(card),
    };
}
