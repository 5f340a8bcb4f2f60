using System.Text.Json.Nodes;

namespace AgendaBot.Storage.PersonalData;

/// <summary>How a person's export shows a stored row, by its declaration.</summary>
internal static class RowExport
{
    /// <summary>A row of theirs: all of it but bookkeeping and the lists of other people.</summary>
    public static JsonObject Theirs(FoundRow found, string userId) => Json(found, userId, []);

    /// <summary>
    /// Someone else's row that names the person (an owner change, a draft sent to them): what it says about them,
    /// without the other people's ids and the names and texts beside them.
    /// </summary>
    public static JsonObject Naming(FoundRow found, string userId)
    {
        var (kind, row) = found;
        var others = kind.Columns.Where(c => c.IsId && row.GetString(c.Name) != userId)
            .SelectMany(id => kind.Columns.Where(c => c.Of == id.Name).Select(c => c.Name).Prepend(id.Name));
        return Json(found, userId, others);
    }

    private static JsonObject Json(FoundRow found, string userId, IEnumerable<string> leaveOut)
    {
        var (kind, row) = found;
        if (kind.ExportOnly is { } only)
        {
            var all = ExportJson.Row(row, Words(kind));
            var summary = new JsonObject();
            foreach (var column in only)
            {
                summary[column] = all[column]?.DeepClone();
            }

            return summary;
        }

        var hidden = kind.Columns.Where(c => c.Show != Show.Yes).Select(c => c.Name);
        var item = ExportJson.Row(row, Words(kind), [.. kind.ExportLeavesOut, .. hidden, .. leaveOut]);
        foreach (var list in kind.Columns.Where(c => c.Show == Show.Summary && c.Summary is not null))
        {
            var ids = PersonalRows.IdList(row, list.Name);
            item[list.Summary!.Includes] = ids.Contains(userId);
            item[list.Summary.Count] = ids.Count;
        }

        return item;
    }

    private static string[] Words(StoredRow kind) =>
        [.. kind.Columns.Where(c => c.Holds is Holds.Text or Holds.Name).Select(c => c.Name), .. new[] { kind.ForPerson?.Text, kind.ForNamed?.Text }.OfType<string>()];
}
