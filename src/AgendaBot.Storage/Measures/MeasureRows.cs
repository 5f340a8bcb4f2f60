using System.Text.Json;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Measures;

internal static class MeasureRows
{
    /// <summary>The history row's column with the name of the person whose id is in <c>Before</c>.</summary>
    public const string BeforeName = "BeforeName";

    /// <summary>The history row's column with the name of the person whose id is in <c>After</c>.</summary>
    public const string AfterName = "AfterName";

    /// <summary>What measures, their history and comments hold about people (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // A measure stays when its owner is erased, without an owner.
        new(StoredTable.Measures, Keys.MeasurePrefix, RowErasure.Anonymise,
            [PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("OwnerName", Erase.Blank)])
            { ForPerson = new(PersonalDataKind.MeasureOwned) { At = "UpdatedAt", Detail = "Status" } },
        // A change stays in the history without who made it. An owner change names the old and the new owner, with
        // the names they had then: the person erased becomes the anonymous user there, and their name goes.
        new(StoredTable.Measures, Keys.MeasureHistoryPrefixAll, RowErasure.Anonymise,
        [
            PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("ChangedByName", Erase.Blank),
            OwnerOfChange("Before"), PersonalColumn.NameOf("Before", BeforeName, Erase.Remove),
            OwnerOfChange("After"), PersonalColumn.NameOf("After", AfterName, Erase.Remove),
        ])
        {
            ForPerson = new(PersonalDataKind.MeasureChange) { At = "At", Detail = "Field" },
            ForNamed = new(PersonalDataKind.OwnerChange) { At = "At" },
        },
        new(StoredTable.Measures, Keys.CommentPrefixAll, RowErasure.Anonymise,
            [PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("AuthorName", Erase.Blank), PersonalColumn.TextOf(PersonalColumn.PersonId, "Text")])
            { ForPerson = new(PersonalDataKind.Comment) { At = "At", Text = "Text" } },
    ];

    private static PersonalColumn OwnerOfChange(string column) =>
        new(column, Holds.PersonId, Erase.Anonymise) { When = new ColumnIs("Field", MeasureDiff.OwnerField) };

    public static TableEntity ToRow(string partition, Measure m)
    {
        var row = new TableEntity(partition, Keys.MeasureRow(m.Id))
        {
            ["MeasureId"] = m.Id,
            ["AgendaId"] = m.AgendaId,
            ["Title"] = m.Title,
            ["Description"] = m.Description,
            ["ResponsibleUnit"] = m.ResponsibleUnit,
            ["OwnerName"] = m.Owner?.Name,
            ["Start"] = m.Start?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["End"] = m.End?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["WorkPackages"] = JsonSerializer.Serialize(m.WorkPackages.ToList(), StorageJson.Default.ListString),
            ["Milestones"] = JsonSerializer.Serialize(m.Milestones.ToList(), StorageJson.Default.ListMilestone),
            ["Indicators"] = JsonSerializer.Serialize(m.Indicators.ToList(), StorageJson.Default.ListIndicator),
            ["Priority"] = m.Priority,
            ["NextBudgetYear"] = m.NextBudgetYear,
            ["Status"] = m.Status.ToString(),
            ["Progress"] = m.Progress,
            ["UpdatedAt"] = m.UpdatedAt,
            ["SourceWorkshopId"] = m.SourceWorkshopId,
            ["SourceContribution"] = m.SourceContribution,
        };
        if (m.Owner is { } owner)
        {
            row["PersonId"] = owner.Id;
        }

        return row;
    }

    public static Measure ToMeasure(TableEntity row) => new()
    {
        Id = row.GetString("MeasureId"),
        AgendaId = row.GetString("AgendaId"),
        Title = row.GetString("Title"),
        Description = row.GetString("Description"),
        ResponsibleUnit = row.GetString("ResponsibleUnit"),
        Owner = row.GetString("PersonId") is { } ownerId ? new TeamsUser(ownerId, row.GetString("OwnerName") ?? string.Empty) : null,
        Start = row.GetString("Start") is { } start ? DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture) : null,
        End = row.GetString("End") is { } end ? DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture) : null,
        WorkPackages = JsonSerializer.Deserialize(row.GetString("WorkPackages") ?? "[]", StorageJson.Default.ListString) ?? [],
        Milestones = JsonSerializer.Deserialize(row.GetString("Milestones") ?? "[]", StorageJson.Default.ListMilestone) ?? [],
        Indicators = JsonSerializer.Deserialize(row.GetString("Indicators") ?? "[]", StorageJson.Default.ListIndicator) ?? [],
        Priority = row.GetInt32("Priority"),
        NextBudgetYear = row.GetBoolean("NextBudgetYear") ?? false,
        Status = Enum.Parse<MeasureStatus>(row.GetString("Status")),
        Progress = row.GetInt32("Progress") ?? 0,
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt") ?? default,
        SourceWorkshopId = row.GetString("SourceWorkshopId"),
        SourceContribution = row.GetInt32("SourceContribution"),
    };

    public static TableEntity ToRow(string partition, MeasureChange change, string changeId)
    {
        var row = new TableEntity(partition, Keys.MeasureHistoryRow(change.MeasureId, change.At, changeId))
        {
            ["MeasureId"] = change.MeasureId,
            ["ChangedByName"] = change.ChangedBy.Name,
            ["At"] = change.At,
            ["Field"] = change.Field,
            ["Before"] = change.Before,
            ["After"] = change.After,
        };
        if (!change.ChangedBy.IsAnonymous)
        {
            row["PersonId"] = change.ChangedBy.Id;
        }

        // Only an owner change names people in Before and After; erasure removes these columns with the ids.
        if (change.BeforeName is { Length: > 0 } beforeName)
        {
            row[BeforeName] = beforeName;
        }

        if (change.AfterName is { Length: > 0 } afterName)
        {
            row[AfterName] = afterName;
        }

        return row;
    }

    public static MeasureChange ToChange(TableEntity row) => new(
        row.GetString("MeasureId"),
        row.GetString("PersonId") is { } id ? new TeamsUser(id, row.GetString("ChangedByName") ?? string.Empty) : TeamsUser.Anonymous,
        row.GetDateTimeOffset("At") ?? default,
        row.GetString("Field"),
        row.GetString("Before"),
        row.GetString("After"))
    {
        BeforeName = row.GetString(BeforeName),
        AfterName = row.GetString(AfterName),
    };

    public static TableEntity ToRow(string partition, MeasureComment c)
    {
        var row = new TableEntity(partition, Keys.CommentRow(c.MeasureId, c.Id))
        {
            ["MeasureId"] = c.MeasureId,
            ["CommentId"] = c.Id,
            ["AuthorName"] = c.Author.Name,
            ["Text"] = c.Text,
            ["At"] = c.At,
        };
        if (!c.Author.IsAnonymous)
        {
            row["PersonId"] = c.Author.Id;
        }

        return row;
    }

    public static MeasureComment ToComment(TableEntity row) => new(
        row.GetString("MeasureId"),
        row.GetString("CommentId"),
        row.GetString("PersonId") is { } id ? new TeamsUser(id, row.GetString("AuthorName") ?? string.Empty) : TeamsUser.Anonymous,
        row.GetString("Text"),
        row.GetDateTimeOffset("At") ?? default);
}
