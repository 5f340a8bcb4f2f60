using AgendaBot.Storage.PersonalData;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>The declarations agree with themselves, so that export and erasure can follow them without a second look.</summary>
public sealed class PersonalDataRegistryTests
{
    private static IEnumerable<(StoredRow Kind, PersonalColumn Column)> Columns =>
        PersonalDataRegistry.Rows.SelectMany(kind => kind.Columns.Select(column => (kind, column)));

    [Fact]
    public void A_name_or_a_text_is_of_an_id_column_of_its_row()
    {
        var orphans = Columns.Where(c => c.Column.Holds is Holds.Name or Holds.Text
            && c.Kind.Column(c.Column.Of ?? string.Empty) is not { Holds: Holds.Owner or Holds.PersonId or Holds.PersonIds });

        Assert.Empty(orphans.Select(c => $"{c.Kind.Table} {c.Kind.KeyPrefix} {c.Column.Name}"));
    }

    [Fact]
    public void A_row_that_stays_after_erasure_keeps_no_id_or_name_of_the_person()
    {
        var staying = Columns.Where(c => c.Kind.Erasure is RowErasure.Anonymise or RowErasure.Rekey
            && (c.Column.Holds is Holds.Owner or Holds.PersonId or Holds.PersonIds or Holds.Name or Holds.Chat or Holds.OwnerChat or Holds.Mentions)
            && c.Column.Erase is Erase.WithRow or Erase.Keep);

        Assert.Empty(staying.Select(c => $"{c.Kind.Table} {c.Kind.KeyPrefix} {c.Column.Name}"));
    }

    [Fact]
    public void A_row_whose_key_names_a_person_is_deleted_or_moved_to_another_key()
    {
        var staying = PersonalDataRegistry.Rows.Where(kind => kind.KeyNamesPerson && kind.Erasure == RowErasure.Anonymise);

        Assert.Empty(staying.Select(kind => $"{kind.Table} {kind.KeyPrefix}"));
    }

    [Fact]
    public void A_list_of_ids_is_erased_as_a_list()
    {
        var lists = Columns.Where(c => c.Column.Holds == Holds.PersonIds
            || (c.Column.Holds == Holds.Name && c.Kind.Column(c.Column.Of ?? string.Empty)?.Holds == Holds.PersonIds));

        Assert.All(lists, c => Assert.True(c.Column.Erase is Erase.RemoveFromList or Erase.AnonymiseInList, c.Column.Name));
    }

    [Fact]
    public void A_list_shown_as_a_summary_says_what_the_summary_is_called()
    {
        Assert.All(Columns, c => Assert.Equal(c.Column.Show == Show.Summary, c.Column.Summary is not null));
    }

    [Fact]
    public void Every_table_is_declared_and_no_two_kinds_claim_the_same_keys()
    {
        Assert.Equal(Enum.GetValues<StoredTable>(), PersonalDataRegistry.Rows.Select(kind => kind.Table).Distinct().Order());
        Assert.Equal(PersonalDataRegistry.Rows.Count, PersonalDataRegistry.Rows.DistinctBy(kind => (kind.Table, kind.Partition, kind.KeyPrefix)).Count());
    }

    [Fact]
    public void Every_row_kind_that_can_be_a_persons_says_what_it_is_for_them()
    {
        var unlabelled = PersonalDataRegistry.Rows.Where(kind => kind.ForPerson is null
            && kind.Columns.Any(c => c.Holds is Holds.Owner or Holds.OwnerChat));

        Assert.Empty(unlabelled.Select(kind => $"{kind.Table} {kind.KeyPrefix}: declare ForPerson (what the row is on the \"meine daten\" card)"));
    }

    [Fact]
    public void Every_row_kind_that_shows_a_person_in_someone_elses_row_says_what_it_is_for_them()
    {
        var unlabelled = PersonalDataRegistry.Rows.Where(kind => kind.ForNamed is null
            && kind.Columns.Any(c => c.Holds is Holds.PersonId or Holds.PersonIds && c.Show != Show.No));

        Assert.Empty(unlabelled.Select(kind => $"{kind.Table} {kind.KeyPrefix}: declare ForNamed (what the row is on the \"meine daten\" card)"));
    }

    [Fact]
    public void Every_kind_of_personal_data_is_in_a_group_of_the_card()
    {
        Assert.All(Enum.GetValues<PersonalDataKind>(), kind => Assert.True(Enum.IsDefined(PersonalDataKinds.GroupOf(kind))));
    }

    [Fact]
    public void Erasure_goes_through_every_table()
    {
        Assert.Equal(Enum.GetValues<StoredTable>().Order(), PersonalDataRegistry.ErasureOrder.Order());
    }
}
