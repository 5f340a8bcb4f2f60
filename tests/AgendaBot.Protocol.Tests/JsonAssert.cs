using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgendaBot.Protocol.Tests;

/// <summary>JSON comparison that ignores property order and shows both documents when they differ.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Fail($"JSON differs.\nExpected:\n{expected?.ToJsonString(Indented)}\nActual:\n{actual?.ToJsonString(Indented)}");
        }
    }

    public static void Equivalent(string expected, JsonNode? actual) => Equivalent(JsonNode.Parse(expected), actual);
}
