using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Exports;
using AgendaBot.Storage.Images;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Scheduling;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Storage.PersonalData;

/// <summary>
/// Every kind of row the bot stores, as declared next to the code that writes it. <see cref="PersonalDataService"/>
/// exports and erases by these declarations alone, and PersonalDataDeclarationTests fails when a stored row names a
/// person in a column, or a key, that its declaration does not list — so a new personal column cannot slip past both.
/// </summary>
internal static class PersonalDataRegistry
{
    public static IReadOnlyList<StoredRow> Rows { get; } =
    [
        .. AgendaRepository.PersonalData,
        .. PublicationStore.PersonalData,
        .. CitizenIdeaStore.PersonalData,
        .. FinalRoundStore.PersonalData,
        .. KickOffStore.PersonalData,
        .. PublicNames.PersonalData,
        .. WorkshopRows.PersonalData,
        .. VotingRepository.PersonalData,
        .. MeasureRows.PersonalData,
        .. MeasureRepository.PersonalData,
        .. CommentRoundRepository.PersonalData,
        .. PlanFollowUpStore.PersonalData,
        .. ConversationReferenceRepository.PersonalData,
        .. DeliveryLedger.PersonalData,
        .. OutboxQueue.PersonalData,
        .. ParkedPosts.PersonalData,
        .. ExportStore.PersonalData,
        .. ImageStore.PersonalData,
        .. DeadlineRepository.PersonalData,
        .. ExportJobs.PersonalData,
        .. AgendaIndex.PersonalData,
        .. WeeklyLeases.PersonalData,
    ];

    /// <summary>
    /// Erasure begins with the delivery tables: their rows from before posts named their person are found by the
    /// person's personal chats, whose references go with the Conversations table, so an erasure cut short finds them
    /// again when repeated. Parked before Outbox, as a parked post takes its body row in Outbox with it.
    /// </summary>
    public static IReadOnlyList<StoredTable> ErasureOrder { get; } =
        [StoredTable.Parked, StoredTable.Outbox, .. Enum.GetValues<StoredTable>().Except([StoredTable.Parked, StoredTable.Outbox])];

    /// <summary>The tables a person's export lists, in this order: those with rows that can be theirs or show them.</summary>
    public static IReadOnlyList<StoredTable> Exported { get; } =
        Enum.GetValues<StoredTable>().Where(t => In(t).SelectMany(k => k.Columns).Any(IsExported)).ToList();

    public static IEnumerable<StoredRow> In(StoredTable table) => Rows.Where(k => k.Table == table);

    /// <summary>The declared kind of a row: a kind of one partition before the tenant's, then the longest key prefix.</summary>
    public static StoredRow? KindOf(StoredTable table, string partitionKey, string rowKey) =>
        In(table).Where(k => k.Matches(partitionKey, rowKey))
            .OrderByDescending(k => k.Partition is not null).ThenByDescending(k => k.KeyPrefix.Length).FirstOrDefault();

    private static bool IsExported(PersonalColumn column) =>
        column.Holds is Holds.Owner or Holds.OwnerChat || (column.Holds is Holds.PersonId or Holds.PersonIds && column.Show != Show.No);
}
