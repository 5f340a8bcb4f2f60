using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>One stored row as it appears in a person's export: its columns as JSON values, minus bookkeeping and blobs.</summary>
internal static class ExportJson
{
    /// <param name="words">Columns of people's words: never read as JSON, whatever they look like.</param>
    public static JsonObject Row(TableEntity row, IReadOnlyCollection<string> words, params string[] leaveOut)
    {
        var item = new JsonObject();
        foreach (var (key, value) in row)
        {
            // Binary columns are message bodies and files: raw bytes tell a person nothing, the other columns say what they were.
            if (key is "odata.etag" or "PartitionKey" || value is byte[] || leaveOut.Contains(key))
            {
                continue;
            }

            item[key] = value switch
            {
                null => null,
                DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
                // Lists and records the bot stored as JSON text read as JSON; what people wrote stays their text.
                string text when !words.Contains(key) && Nested(text) is { } nested => nested,
                string text => text,
                bool flag => flag,
                int number => number,
                long number => number,
                double number => number,
                _ => value.ToString(),
            };
        }

        return item;
    }

    private static JsonNode? Nested(string text)
    {
        if (text is not ['[', .., ']'] and not ['{', .., '}'])
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
