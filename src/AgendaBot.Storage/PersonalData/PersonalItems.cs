using System.Globalization;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// Turns found rows into what they are for the person (<see cref="ForPerson"/>), with the workshop, measure and voting
/// round they belong to looked up once each. Shows only what the person's export shows: of a row that is someone
/// else's, no words of theirs.
/// </summary>
internal sealed class PersonalItems(PersonalDataTables tables, TenantScope scope)
{
    private readonly Dictionary<(StoredTable, string, string), TableEntity?> read = [];

    public async Task<PersonalItem> ItemAsync(FoundRow found, bool theirs, CancellationToken cancellationToken)
    {
        var (kind, row) = found;
        var about = (theirs ? kind.ForPerson : kind.ForNamed)
            ?? throw new InvalidOperationException($"A row kind of {kind.Table} ({kind.KeyPrefix}) says nothing of what it is for a person (ForPerson/ForNamed).");
        var erasure = theirs && kind.Erasure is RowErasure.Delete or RowErasure.DeleteRegistration or RowErasure.DeleteWithBody or RowErasure.DeleteAllOfTenant
            ? ItemErasure.Deleted
            : ItemErasure.Anonymised;
        var item = new PersonalItem(about.Kind, At(row, about.At) ?? row.Timestamp, erasure)
        {
            Text = Text(row, about.Text),
            Detail = Text(row, about.Detail),
            Step = Number(row, about.Step),
            Where = await WhereAsync(kind.Table, row, cancellationToken),
            Measure = await MeasureAsync(kind.Table, row, cancellationToken),
        };
        return await RoundAsync(row, about) is { } round
            ? item with
            {
                Step = item.Step ?? Number(round, "Step"),
                RoundStartedAt = round.GetDateTimeOffset("StartedAt"),
                Secret = round.GetBoolean("Anonymous") == true,
            }
            : item;
    }

    private async Task<string?> WhereAsync(StoredTable table, TableEntity row, CancellationToken cancellationToken)
    {
        var partition = table == StoredTable.Workshops ? row.PartitionKey
            : row.GetString("WorkshopId") is { Length: > 0 } workshop ? Keys.WorkshopPartition(scope.TenantId, workshop)
            : null;
        if (partition is not null)
        {
            return (await ReadAsync(StoredTable.Workshops, partition, Keys.WorkshopHeaderRow, cancellationToken))?.GetString("FieldOfAction");
        }

        return table == StoredTable.Agendas ? null
            : row.GetString("AgendaId") is { Length: > 0 } agenda
                ? (await ReadAsync(StoredTable.Agendas, Keys.TenantPartition(scope.TenantId), Keys.AgendaRow(agenda), cancellationToken))?.GetString("Title")
                : null;
    }

    private async Task<string?> MeasureAsync(StoredTable table, TableEntity row, CancellationToken cancellationToken) =>
        table == StoredTable.Measures && row.GetString("MeasureId") is { Length: > 0 } measure
            ? (await ReadAsync(StoredTable.Measures, row.PartitionKey, Keys.MeasureRow(measure), cancellationToken))?.GetString("Title")
            : null;

    private async Task<TableEntity?> RoundAsync(TableEntity row, ForPerson about)
    {
        var key = about.Round is { } column && row.GetString(column) is { Length: > 0 } id ? Keys.RoundRow(id)
            : about.RoundInKey is { } part && row.RowKey.Split(Keys.Separator) is { } parts && parts.Length > part ? $"round{Keys.Separator}{parts[part]}"
            : null;
        return key is null ? null : await ReadAsync(StoredTable.Workshops, row.PartitionKey, key, CancellationToken.None);
    }

    private async Task<TableEntity?> ReadAsync(StoredTable table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        if (!read.TryGetValue((table, partition, rowKey), out var row))
        {
            row = await tables[table].FindAsync(partition, rowKey, cancellationToken);
            read[(table, partition, rowKey)] = row;
        }

        return row;
    }

    private static string? Text(TableEntity row, string? column) =>
        column is null ? null : row.TryGetValue(column, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private static int? Number(TableEntity row, string? column) => column is null ? null : row.GetInt32(column);

    // Times are stored as times; a date alone (a consultation's) as its ISO text.
    private static DateTimeOffset? At(TableEntity row, string? column) => column is null ? null
        : row.TryGetValue(column, out var value) ? value switch
        {
            DateTimeOffset at => at,
            DateTime at => new DateTimeOffset(at, TimeSpan.Zero),
            string text when DateOnly.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            _ => null,
        }
        : null;
}
