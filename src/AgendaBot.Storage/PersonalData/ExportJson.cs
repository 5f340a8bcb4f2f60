using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>One stored row as it appears in a person's export: its columns as JSON values, minus bookkeeping and blobs.</summary>
internal static class ExportJson
{
    public static JsonObject Row(TableEntity row, params string[] leaveOut)
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
}
