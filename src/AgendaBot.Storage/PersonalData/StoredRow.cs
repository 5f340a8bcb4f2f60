namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// One kind of row the bot stores, and what it holds about people. Declared next to the code that writes the row and
/// collected by <see cref="PersonalDataRegistry"/>: GDPR export and erasure follow these declarations, so a column
/// that names a person is exported and erased because it is declared, not because someone remembered it elsewhere.
/// </summary>
/// <param name="Table">The table the row is in.</param>
/// <param name="KeyPrefix">How its row key begins (<c>p|</c>); the empty text for every row of the table.</param>
/// <param name="Erasure">What a person's erasure does with a row of theirs.</param>
/// <param name="Columns">Every column that names, or looks as if it named, a person.</param>
internal sealed record StoredRow(StoredTable Table, string KeyPrefix, RowErasure Erasure, IReadOnlyList<PersonalColumn> Columns)
{
    /// <summary>The one partition the rows are in, when that is not the tenant's (the agenda index, the deadlines).</summary>
    public string? Partition { get; init; }

    /// <summary>The row key names a person or their personal chat, so the row cannot stay as it is: deleted or re-keyed.</summary>
    public bool KeyNamesPerson { get; init; }

    /// <summary>The column that names the tenant, where the partition is a random token (export files).</summary>
    public string? TenantColumn { get; init; }

    /// <summary>When set, a person's export shows only these columns of the row, in this order.</summary>
    public IReadOnlyList<string>? ExportOnly { get; init; }

    /// <summary>Bookkeeping that a person's export leaves out.</summary>
    public IReadOnlyList<string> ExportLeavesOut { get; init; } = [];

    /// <summary>What a row of this kind that is the person's is for them ("meine daten" card); required when rows can be someone's.</summary>
    public ForPerson? ForPerson { get; init; }

    /// <summary>What a row of this kind that is someone else's but names the person is for them; required when it can name them.</summary>
    public ForPerson? ForNamed { get; init; }

    /// <summary>A row that holds nothing about a person, checked and declared so.</summary>
    public static StoredRow Nobody(StoredTable table, string keyPrefix, params IReadOnlyList<PersonalColumn> lookAlikes) =>
        new(table, keyPrefix, RowErasure.Anonymise, lookAlikes);

    public PersonalColumn? Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name || (c.Numbered && name.StartsWith(c.Name, StringComparison.Ordinal)
            && name.Length > c.Name.Length && name[c.Name.Length..].All(char.IsAsciiDigit)));

    public bool Matches(string partitionKey, string rowKey) =>
        (Partition is null || Partition == partitionKey) && rowKey.StartsWith(KeyPrefix, StringComparison.Ordinal);
}

/// <summary>A column that names a person, and how export and erasure treat it.</summary>
/// <param name="Name">The column's name; with <see cref="Numbered"/> the start of the names of numbered columns.</param>
/// <param name="Holds">What the column holds about people.</param>
/// <param name="Erase">What erasure does with it when it names the person erased.</param>
/// <param name="Show">How the person's export shows it.</param>
internal sealed record PersonalColumn(string Name, Holds Holds, Erase Erase = Erase.WithRow, Show Show = Show.Yes)
{
    /// <summary>For a name or a text: the column with the id of the person it is of.</summary>
    public string? Of { get; init; }

    /// <summary>The column holds a person's id only in rows where another column has a value (an owner change).</summary>
    public ColumnIs? When { get; init; }

    /// <summary>For <see cref="Show.Summary"/>: what the export calls "holds the person" and "how many".</summary>
    public ListSummary? Summary { get; init; }

    /// <summary>
    /// For a name: a text column of the same row that the bot wrote with the name inside (a plan line naming the owner).
    /// Erasure replaces the name there with a dash before the name column itself goes.
    /// </summary>
    public string? AlsoIn { get; init; }

    /// <summary>Bytes split over numbered columns (<c>Chunk0</c>, <c>Chunk1</c>, …).</summary>
    public bool Numbered { get; init; }

    /// <summary>The column in which a row that is a person's carries their id, so that one filter per table finds it.</summary>
    public const string PersonId = nameof(PersonId);

    public bool IsId => Holds is Holds.Owner or Holds.PersonId;

    /// <summary>The person whose row it is, in <see cref="PersonId"/>: export and erasure find the row by it.</summary>
    public static PersonalColumn Owner(Erase erase = Erase.WithRow) => Owner(PersonId, erase);

    public static PersonalColumn Owner(string name, Erase erase) => new(name, Holds.Owner, erase);

    /// <summary>The name of the person in <see cref="PersonId"/>.</summary>
    public static PersonalColumn NameOfOwner(string name, Erase erase = Erase.WithRow) => NameOf(PersonId, name, erase);

    public static PersonalColumn NameOf(string of, string name, Erase erase = Erase.WithRow) => new(name, Holds.Name, erase) { Of = of };

    /// <summary>What the person wrote: it stays as the group's work when they are erased, without their name.</summary>
    public static PersonalColumn TextOf(string of, string name) => new(name, Holds.Text, Erase.Keep) { Of = of };

    /// <summary>Text that may contain anyone's id or name and cannot be searched: the row it is in must go.</summary>
    public static PersonalColumn Mentions(string name, bool numbered = false) => new(name, Holds.Mentions) { Numbered = numbered };

    /// <summary>Looks personal by its name but names nobody.</summary>
    public static PersonalColumn NotAPerson(string name) => new(name, Holds.Nobody, Erase.Keep);
}

/// <summary>A column's value in a row, as a condition.</summary>
internal sealed record ColumnIs(string Column, string Value);

/// <summary>The export's names for whether a list of ids holds the person and how many it holds.</summary>
internal sealed record ListSummary(string Includes, string Count);
