using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgendaBot.Protocol.Cards;

/// <summary>
/// The data of an <c>Action.Submit</c> fallback: the verb's own data plus a <c>verb</c> field, because a submit
/// arrives as a plain message whose <c>value</c> is all the bot gets.
/// </summary>
public static class SubmitData
{
    public const string VerbProperty = "verb";

    public static JsonElement With(string verb, JsonElement? data)
    {
        var node = data is { ValueKind: JsonValueKind.Object } obj
            ? JsonObject.Create(obj) ?? new JsonObject()
            : new JsonObject();
        node[VerbProperty] = verb;
        return JsonSerializer.SerializeToElement(node, CardJsonContext.Default.JsonObject);
    }

    public static string? VerbOf(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } obj
        && obj.TryGetProperty(VerbProperty, out var verb)
        && verb.ValueKind == JsonValueKind.String
            ? verb.GetString()
            : null;
}
