using System.Text.Json;
using AgendaBot.Domain.People;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>Takes a person out of a row's columns, as its kind declares; the caller writes the row.</summary>
internal static class ColumnErasure
{
    /// <summary>The owner columns that name the person, with the names and texts that are of them.</summary>
    public static void FromOwnerColumns(FoundRow found, string userId) => Apply(found, userId, c => c.Holds == Holds.Owner);

    /// <summary>The columns and lists that name the person in a row that is not theirs, with the names beside them.</summary>
    public static void FromNamingColumns(FoundRow found, string userId) => Apply(found, userId, c => c.Holds is Holds.PersonId or Holds.PersonIds);

    private static void Apply(FoundRow found, string userId, Func<PersonalColumn, bool> which)
    {
        var (kind, row) = found;
        foreach (var id in kind.Columns.Where(which))
        {
            var beside = kind.Columns.Where(c => c.Of == id.Name).ToList();
            if (id.Holds == Holds.PersonIds)
            {
                FromList(row, id, beside, userId);
            }
            else if (PersonalRows.Names(id, row, userId))
            {
                foreach (var column in beside.Prepend(id))
                {
                    Clear(row, column);
                }
            }
        }
    }

    private static void Clear(TableEntity row, PersonalColumn column)
    {
        if (column.AlsoIn is { } text && row.GetString(column.Name) is { Length: > 0 } name && row.GetString(text) is { } written)
        {
            row[text] = written.Replace(name, "–", StringComparison.Ordinal);
        }

        switch (column.Erase)
        {
            case Erase.Remove:
                row.Remove(column.Name);
                break;
            case Erase.Blank when row.ContainsKey(column.Name):
                row[column.Name] = string.Empty;
                break;
            case Erase.Anonymise:
                row[column.Name] = TeamsUser.Anonymous.Id;
                break;
        }
    }

    // The lists beside a list of ids (names) hold one entry per id: the same places change.
    private static void FromList(TableEntity row, PersonalColumn ids, IReadOnlyList<PersonalColumn> beside, string userId)
    {
        var list = PersonalRows.IdList(row, ids.Name);
        var places = Enumerable.Range(0, list.Count).Where(i => list[i] == userId).ToList();
        if (places.Count == 0)
        {
            return;
        }

        Change(row, ids, places, TeamsUser.Anonymous.Id);
        foreach (var column in beside)
        {
            Change(row, column, places, TeamsUser.Anonymous.Name);
        }
    }

    private static void Change(TableEntity row, PersonalColumn column, IReadOnlyList<int> places, string anonymous)
    {
        var list = PersonalRows.IdList(row, column.Name);
        foreach (var i in places.Where(i => i < list.Count).OrderDescending())
        {
            if (column.Erase == Erase.RemoveFromList)
            {
                list.RemoveAt(i);
            }
            else
            {
                list[i] = anonymous;
            }
        }

        row[column.Name] = JsonSerializer.Serialize(list, StorageJson.Default.ListString);
    }
}
