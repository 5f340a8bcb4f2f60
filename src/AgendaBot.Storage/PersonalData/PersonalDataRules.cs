namespace AgendaBot.Storage.PersonalData;

/// <summary>A table the bot writes, named without the deployment's prefix. Export shows the tables in this order.</summary>
internal enum StoredTable
{
    Agendas,
    Workshops,
    Measures,
    Conversations,
    Outbox,
    Parked,
    Exports,
    Images,
    Deadlines,
    Schedule,
}

/// <summary>What a column holds about people.</summary>
internal enum Holds
{
    /// <summary>The id of the person whose row it is: export and erasure find the row by it, and export it whole.</summary>
    Owner,

    /// <summary>The id of someone the row names but is not theirs (an owner change's old owner): they see only that.</summary>
    PersonId,

    /// <summary>A JSON list of ids, which no filter can search: export and erasure read the tenant's rows of the kind.</summary>
    PersonIds,

    /// <summary>The name of the person whose id is in <see cref="PersonalColumn.Of"/>; a JSON list beside a list of ids.</summary>
    Name,

    /// <summary>Free text the person in <see cref="PersonalColumn.Of"/> wrote.</summary>
    Text,

    /// <summary>The row is a chat with the bot: when it is the person's, this is one of their personal chats.</summary>
    Chat,

    /// <summary>A conversation posted to or blocked: the row is the person's when it is one of their personal chats.</summary>
    OwnerChat,

    /// <summary>Text or bytes that may name anyone and cannot be searched: a message, a file, a delivery key.</summary>
    Mentions,

    /// <summary>Looks personal by its name but names nobody (a file's name, the bot instance that holds a lease).</summary>
    Nobody,
}

/// <summary>What erasure does with a column that names the person erased.</summary>
internal enum Erase
{
    /// <summary>Goes with its row, which erasure deletes.</summary>
    WithRow,

    /// <summary>Stays: what the person wrote for the group, or nobody's data.</summary>
    Keep,

    /// <summary>The column is removed.</summary>
    Remove,

    /// <summary>The column stays, empty, where readers expect it.</summary>
    Blank,

    /// <summary>The id becomes the anonymous user's: "someone" did it, and counts stay.</summary>
    Anonymise,

    /// <summary>The person leaves the list (and their name the list beside it).</summary>
    RemoveFromList,

    /// <summary>The anonymous user takes the person's place in the list (and in the list of names beside it).</summary>
    AnonymiseInList,
}

/// <summary>How a person's export shows a column.</summary>
internal enum Show
{
    /// <summary>Shown; in a row that is someone else's, only when it is about the person.</summary>
    Yes,

    /// <summary>Never shown, and a row that names the person only here is not exported.</summary>
    No,

    /// <summary>A list of ids shown as whether it holds the person and how many it holds (<see cref="PersonalColumn.Summary"/>).</summary>
    Summary,
}

/// <summary>What a person's erasure does with a row of theirs.</summary>
internal enum RowErasure
{
    /// <summary>The row stays, its columns erased as declared: the group's work without the person.</summary>
    Anonymise,

    /// <summary>The row is about the person only.</summary>
    Delete,

    /// <summary>A registration: deleted together with its seat on the workshop's count, in one transaction.</summary>
    DeleteRegistration,

    /// <summary>A parked post: deleted with the body row its envelope names.</summary>
    DeleteWithBody,

    /// <summary>Anonymised and moved under a random last key part, so that its key no longer names the person.</summary>
    Rekey,

    /// <summary>Snapshots that cannot be searched: every row of the tenant goes on anyone's erasure.</summary>
    DeleteAllOfTenant,
}
