using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Scheduling;

public sealed record AgendaIndexEntry(string TenantId, string AgendaId)
{
    public TenantScope Scope => new(TenantId);
}

/// <summary>
/// Every agenda of every tenant in one small partition, so that the weekly scheduler can find them without scanning
/// the tenants' partitions. Agenda set-up calls <see cref="AddAsync"/> after <c>AgendaRepository.CreateAsync</c>.
/// </summary>
public sealed class AgendaIndex(Delivery.DeliveryStorage storage)
{
    /// <summary>Checked for <see cref="PersonalDataRegistry"/>: tenant and agenda ids.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData = [StoredRow.Nobody(StoredTable.Schedule, string.Empty) with { Partition = Keys.AgendaIndexPartition }];

    private readonly TableClient table = storage.Schedule;

    /// <summary>Idempotent: adding an agenda twice leaves one row.</summary>
    public Task AddAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var row = new TableEntity(Keys.AgendaIndexPartition, Keys.AgendaIndexRow(scope.TenantId, agendaId))
        {
            ["TenantId"] = scope.TenantId,
            ["AgendaId"] = agendaId,
        };
        return table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public Task RemoveAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return table.DeleteEntityAsync(Keys.AgendaIndexPartition, Keys.AgendaIndexRow(scope.TenantId, agendaId), cancellationToken: cancellationToken);
    }

    /// <summary>One query, one page per 1,000 agendas.</summary>
    public async Task<IReadOnlyList<AgendaIndexEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<AgendaIndexEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.AgendaIndexPartition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entries.Add(new AgendaIndexEntry(row.GetString("TenantId"), row.GetString("AgendaId")));
        }

        return entries;
    }
}
