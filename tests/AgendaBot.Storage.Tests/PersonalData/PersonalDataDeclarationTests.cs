using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>
/// Export and erasure see only what each row kind declares (<see cref="PersonalDataRegistry"/>). These tests store every
/// kind of row and fail when one names a person where its declaration does not say so.
/// </summary>
public sealed class PersonalDataDeclarationTests(EveryRowKind stored) : IClassFixture<EveryRowKind>
{
    [Fact]
    public void Every_column_that_names_a_person_is_declared()
    {
        var findings = stored.Rows.SelectMany(r => DeclarationCheck.Findings(r.TableName, r.Table, r.Row, EveryRowKind.Identifying)).Distinct().ToList();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Every_declared_row_kind_is_stored_and_checked()
    {
        var storedKinds = stored.Rows.Where(r => r.Table is not null)
            .Select(r => PersonalDataRegistry.KindOf(r.Table!.Value, r.Row.PartitionKey, r.Row.RowKey)).ToHashSet();

        Assert.Empty(PersonalDataRegistry.Rows.Where(kind => !storedKinds.Contains(kind)).Select(kind => $"{kind.Table} {kind.KeyPrefix}"));
    }

    [Fact]
    public void A_personal_column_that_is_not_declared_fails_the_check()
    {
        var registration = Stored(StoredTable.Workshops, Keys.ParticipantRow(Town.Alice.Id));
        registration["InvitedVia"] = $"Einladung von {Town.Bob.Name}";

        var finding = Assert.Single(Check(StoredTable.Workshops, registration));
        Assert.Contains("column InvitedVia names a person but is not declared", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_like_a_person_that_is_not_declared_fails_the_check()
    {
        var contribution = Stored(StoredTable.Workshops, Keys.ContributionRow(1));
        contribution["ReviewedBy"] = "someone";

        Assert.Contains("column ReviewedBy looks personal but is not declared", Assert.Single(Check(StoredTable.Workshops, contribution)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_names_a_person_without_saying_so_fails_the_check()
    {
        var measure = Stored(StoredTable.Measures, Keys.MeasureRow(Town.AliceMeasure));
        measure.RowKey = Keys.MeasureRow(Town.Alice.Id);

        Assert.Contains("the row key names a person", Assert.Single(Check(StoredTable.Measures, measure)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_a_kind_with_no_declaration_fails_the_check()
    {
        var registration = Stored(StoredTable.Workshops, Keys.ParticipantRow(Town.Alice.Id));
        registration.RowKey = Keys.Join("invite", Town.Alice.Id);

        Assert.Contains("a row kind with no declaration", Assert.Single(Check(StoredTable.Workshops, registration)), StringComparison.Ordinal);
    }

    // A copy, so that the rows the other tests check stay as stored.
    private TableEntity Stored(StoredTable table, string rowKey) =>
        new(stored.Rows.Single(r => r.Table == table && r.Row.RowKey == rowKey).Row);

    private static List<string> Check(StoredTable table, TableEntity row) =>
        DeclarationCheck.Findings(table.ToString(), table, row, EveryRowKind.Identifying).ToList();
}
