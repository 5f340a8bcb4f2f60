using AgendaBot.Storage.Delivery;
using Azure.Data.Tables;

namespace AgendaBot.Storage.PersonalData;

/// <summary>The table clients behind <see cref="StoredTable"/>, whose names carry the deployment's prefix.</summary>
internal sealed class PersonalDataTables(StorageTables tables, DeliveryStorage delivery)
{
    public TableClient this[StoredTable table] => table switch
    {
        StoredTable.Agendas => tables.Agendas,
        StoredTable.Workshops => tables.Workshops,
        StoredTable.Measures => tables.Measures,
        StoredTable.Conversations => tables.Conversations,
        StoredTable.Outbox => delivery.Outbox,
        StoredTable.Parked => delivery.Parked,
        StoredTable.Exports => tables.Exports,
        StoredTable.Images => tables.Images,
        StoredTable.Deadlines => tables.Deadlines,
        StoredTable.Schedule => delivery.Schedule,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}
