using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>A card as lines of text, the way a person reads it: a rich text block (its runs joined) is one line.</summary>
internal static class CardLines
{
    public static IReadOnlyList<string> Of(JsonNode? card) => Lines(card).ToList();

    /// <summary>The first line: every card of the bot starts with what it is about.</summary>
    public static string? First(JsonNode? card) => Of(card) is [var first, ..] ? first : null;

    /// <summary>The verbs of the buttons at the bottom of the card.</summary>
    public static IReadOnlyList<string> Buttons(JsonNode? card) =>
        card?["actions"]?.AsArray().Select(a => a?["verb"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];

    /// <summary>The ids of the card's inputs: what a click can send besides the button's own data.</summary>
    public static IReadOnlySet<string> InputIds(JsonNode? node) => Elements(node)
        .Where(e => Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true && e["id"] is not null)
        .Select(e => e["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<JsonObject> Elements(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Elements(p.Value))],
        JsonArray a => a.SelectMany(Elements),
        _ => [],
    };

    private static IEnumerable<string> Lines(JsonNode? node) => node switch
    {
        JsonObject o when Type(o) == "TextBlock" => [o["text"]?.GetValue<string>() ?? string.Empty],
        JsonObject o when Type(o) == "RichTextBlock" =>
            [string.Concat(o["inlines"]?.AsArray().Select(run => run?["text"]?.GetValue<string>()) ?? [])],
        // Buttons and what they send are not read; inputs show no text of their own here.
        JsonObject o => o.Where(p => p.Key is not ("actions" or "selectAction" or "data" or "fallback")).SelectMany(p => Lines(p.Value)),
        JsonArray a => a.SelectMany(Lines),
        _ => [],
    };

    private static string? Type(JsonObject element) => element["type"]?.GetValue<string>();
}
