using System.Text.Json;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>A person being exported or erased: their id, and the ids of their personal chats with the bot.</summary>
internal sealed record Person(string Id, IReadOnlyList<string> Chats);

/// <summary>A stored row and its declared kind.</summary>
internal sealed record FoundRow(StoredRow Kind, TableEntity Row);

/// <summary>
/// Finds rows about a person by the declared columns, in the tenant's partitions: the rows that are theirs with one
/// filtered query per table, and other rows that name them with a filter or, for ids in JSON lists that no filter can
/// search, by reading the tenant's rows of that kind (rare, so a scan is fine).
/// </summary>
internal sealed class PersonalRows(PersonalDataTables tables)
{
    /// <summary>The person with their personal chats, which find delivery rows from before posts named their person.</summary>
    public async Task<Person> PersonAsync(TenantScope scope, string userId, CancellationToken cancellationToken)
    {
        var person = new Person(userId, []);
        var chats = new List<string>();
        foreach (var table in Enum.GetValues<StoredTable>().Where(t => PersonalDataRegistry.In(t).Any(k => k.Columns.Any(c => c.Holds == Holds.Chat))))
        {
            foreach (var (kind, row) in await TheirsAsync(table, scope, person, cancellationToken))
            {
                chats.AddRange(kind.Columns.Where(c => c.Holds == Holds.Chat).Select(c => row.GetString(c.Name) ?? row.RowKey));
            }
        }

        return person with { Chats = chats };
    }

    /// <summary>The rows of the table that are the person's: by the id in an owner column, or by one of their chats.</summary>
    public async Task<List<FoundRow>> TheirsAsync(StoredTable table, TenantScope scope, Person person, CancellationToken cancellationToken)
    {
        var columns = PersonalDataRegistry.In(table).SelectMany(k => k.Columns).ToList();
        var whose = Named(columns, Holds.Owner).Select(c => Is(c, person.Id))
            .Concat(Named(columns, Holds.OwnerChat).SelectMany(c => person.Chats.Select(chat => Is(c, chat))))
            .ToList();
        if (whose.Count == 0)
        {
            return [];
        }

        var rows = await tables[table].ListAsync(All(OfTenant(scope), AnyOf(whose)), cancellationToken);
        return rows.Select(row => Theirs(table, row, person)).ToList();
    }

    /// <summary>Rows that name the person in an id column or list that does not make the row theirs.</summary>
    /// <param name="shownOnly">Only the kinds an export shows the person (not the moderator lists).</param>
    public async Task<List<FoundRow>> NamingAsync(StoredTable table, TenantScope scope, string userId, bool shownOnly, CancellationToken cancellationToken)
    {
        var found = new List<FoundRow>();
        foreach (var kind in PersonalDataRegistry.In(table))
        {
            var naming = kind.Columns.Where(c => c.Holds is Holds.PersonId or Holds.PersonIds && (!shownOnly || c.Show != Show.No)).ToList();
            if (naming.Count == 0)
            {
                continue;
            }

            var byFilter = naming.All(c => c.Holds == Holds.PersonId)
                ? AnyOf(naming.Select(c => c.When is { } when ? All(Is(when.Column, when.Value), Is(c.Name, userId)) : Is(c.Name, userId)))
                : null;
            var rows = await tables[table].ListAsync(All(OfTenant(scope), KeysOf(kind), byFilter), cancellationToken);
            found.AddRange(rows.Where(row => naming.Any(c => Names(c, row, userId))).Select(row => new FoundRow(kind, row)));
        }

        return found;
    }

    /// <summary>Every row of the kind in the tenant, keys only: for snapshots that cannot be searched.</summary>
    public Task<List<TableEntity>> AllOfTenantAsync(StoredRow kind, TenantScope scope, CancellationToken cancellationToken) =>
        tables[kind.Table].ListAsync(
            All(kind.TenantColumn is { } column ? Is(column, scope.TenantId) : OfTenant(scope), KeysOf(kind)), cancellationToken,
            select: ["PartitionKey", "RowKey"]);

    public static bool IsTheirs(FoundRow found, Person person) =>
        found.Kind.Columns.Any(c => (c.Holds == Holds.Owner && found.Row.GetString(c.Name) == person.Id)
            || (c.Holds == Holds.OwnerChat && found.Row.GetString(c.Name) is { } chat && person.Chats.Contains(chat)));

    /// <summary>Whether an id column (under its condition) or a list of ids names the person.</summary>
    public static bool Names(PersonalColumn column, TableEntity row, string userId) => column.Holds == Holds.PersonIds
        ? IdList(row, column.Name).Contains(userId)
        : row.GetString(column.Name) == userId && (column.When is not { } when || row.GetString(when.Column) == when.Value);

    public static List<string> IdList(TableEntity row, string column) =>
        JsonSerializer.Deserialize(row.GetString(column) ?? "[]", StorageJson.Default.ListString) ?? [];

    // A row found by a column that its kind does not declare would be exported and erased wrongly: stop instead of
    // reporting an erasure that left it. Its key is not in the message, as it may name the person.
    private static FoundRow Theirs(StoredTable table, TableEntity row, Person person)
    {
        var kind = PersonalDataRegistry.KindOf(table, row.PartitionKey, row.RowKey);
        return kind is not null && IsTheirs(new FoundRow(kind, row), person)
            ? new FoundRow(kind, row)
            : throw new InvalidOperationException($"A row in {table} names the person in an undeclared column or is of an undeclared kind (PersonalDataRegistry).");
    }

    private static IEnumerable<string> Named(IEnumerable<PersonalColumn> columns, Holds holds) =>
        columns.Where(c => c.Holds == holds).Select(c => c.Name).Distinct();

    // The Agendas, Conversations and delivery tables are partitioned by the tenant alone, the others by "tenant|…".
    private static string OfTenant(TenantScope scope)
    {
        var (from, to) = Keys.TenantRange(scope.TenantId);
        return TableClient.CreateQueryFilter(
            $"(PartitionKey eq {Keys.TenantPartition(scope.TenantId)} or (PartitionKey ge {from} and PartitionKey lt {to}))");
    }

    private static string? KeysOf(StoredRow kind) => kind.KeyPrefix.Length == 0
        ? null
        : TableClient.CreateQueryFilter($"RowKey ge {kind.KeyPrefix} and RowKey lt {Keys.PrefixEnd(kind.KeyPrefix)}");

    // Column names come from the declarations, values are quoted by the SDK.
    private static string Is(string column, string value) => $"{column} eq {TableClient.CreateQueryFilter($"{value}")}";

    private static string AnyOf(IEnumerable<string> filters) => $"({string.Join(" or ", filters)})";

    private static string All(params string?[] filters) => string.Join(" and ", filters.OfType<string>());
}
