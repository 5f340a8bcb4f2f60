using System.Globalization;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Voting;

/// <summary>A round that must be closed at a given time, wherever it lives.</summary>
public sealed record DueRound(string TenantId, string WorkshopId, string RoundId, DateTimeOffset Due, string RowKey);

/// <summary>
/// The deadlines of voting rounds, in one partition sorted by due time, so any instance of the bot finds the rounds
/// that are due with one range query — after a restart too. Closing is guarded by the round's ETag, so a round
/// that two instances find at once is still closed once.
/// </summary>
public sealed class DeadlineRepository(StorageTables tables)
{
    private const string Partition = "rounds";

    /// <summary>Checked for <see cref="PersonalDataRegistry"/>: tenant, workshop and round ids, and when.</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData = [StoredRow.Nobody(StoredTable.Deadlines, string.Empty) with { Partition = Partition }];

    private readonly TableClient table = tables.Deadlines;

    public Task ScheduleAsync(TenantScope scope, string workshopId, string roundId, DateTimeOffset due, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(new TableEntity(Partition, RowKey(due, scope.TenantId, workshopId, roundId))
        {
            ["TenantId"] = scope.TenantId,
            ["WorkshopId"] = workshopId,
            ["RoundId"] = roundId,
            ["Due"] = due,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<DueRound>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {Ticks(now)}");
        var due = new List<DueRound>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 100, cancellationToken: cancellationToken))
        {
            due.Add(new DueRound(row.GetString("TenantId"), row.GetString("WorkshopId"), row.GetString("RoundId"),
                row.GetDateTimeOffset("Due") ?? now, row.RowKey));
        }

        return due;
    }

    public async Task DoneAsync(DueRound round, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, round.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
            // Another instance finished it first.
        }
    }

    private static string RowKey(DateTimeOffset due, string tenantId, string workshopId, string roundId) =>
        $"{Ticks(due)}|{Keys.Join(tenantId, workshopId, roundId)}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
