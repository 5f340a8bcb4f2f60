using System.Text;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>
/// What a stored row holds about people that its declaration does not say: a column whose value identifies a person
/// (their id, name or personal chat, in a text, a JSON list or bytes) or whose name looks as if it held one, a key
/// that names a person, a kind or a table with no declaration. Export and erasure would miss any of these.
/// </summary>
internal static class DeclarationCheck
{
    // Column names that look as if they held a person, whatever the fixture put in them.
    private static readonly string[] PersonalWords = ["Person", "User", "Voter", "Author", "Owner", "Moderator", "Recipient", "Lead", "Member"];
    private static readonly string[] PersonalEndings = ["Name", "Names", "By"];
    private static readonly string[] Bookkeeping = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    public static IEnumerable<string> Findings(string tableName, StoredTable? table, TableEntity row, IReadOnlyList<string> identifying)
    {
        if (table is not { } declaredTable)
        {
            yield return $"{tableName}: a table that PersonalDataRegistry does not know";
            yield break;
        }

        if (PersonalDataRegistry.KindOf(declaredTable, row.PartitionKey, row.RowKey) is not { } kind)
        {
            yield return $"{tableName} {row.RowKey.Split(Keys.Separator)[0]}|…: a row kind with no declaration";
            yield break;
        }

        var where = $"{tableName} {(kind.KeyPrefix.Length == 0 ? "(every row)" : kind.KeyPrefix + "…")}";
        if (Identifies(row.PartitionKey, identifying))
        {
            yield return $"{where}: the partition key names a person";
        }

        if (!kind.KeyNamesPerson && Identifies(row.RowKey, identifying))
        {
            yield return $"{where}: the row key names a person but the declaration does not say so (KeyNamesPerson)";
        }

        foreach (var (column, value) in row)
        {
            if (Bookkeeping.Contains(column) || kind.Column(column) is not null)
            {
                continue;
            }

            if (LooksPersonal(column))
            {
                yield return $"{where}: column {column} looks personal but is not declared";
            }
            else if (Text(value) is { } text && Identifies(text, identifying))
            {
                yield return $"{where}: column {column} names a person but is not declared";
            }
        }
    }

    private static bool LooksPersonal(string column) =>
        PersonalWords.Any(word => column.Contains(word, StringComparison.Ordinal))
        || PersonalEndings.Any(ending => column.EndsWith(ending, StringComparison.Ordinal));

    private static bool Identifies(string text, IReadOnlyList<string> identifying) =>
        identifying.Any(value => text.Contains(value, StringComparison.Ordinal) || text.Contains(Keys.Escape(value), StringComparison.Ordinal));

    private static string? Text(object? value) => value switch
    {
        string text => text,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        _ => null,
    };
}
