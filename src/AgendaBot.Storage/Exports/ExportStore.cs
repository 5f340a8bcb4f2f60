using AgendaBot.Storage.Images;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Exports;

/// <summary>
/// Export files (the agenda as DOCX/PDF, contributions and ballots as CSV) kept for a while so that a card's
/// download links work. Stored like the chart pictures: one row per file under a random token that cannot be
/// guessed (<see cref="ImageTokens"/>), the tenant in a column. Unlike pictures they hold personal data (names in
/// the CSVs), so they expire: after <see cref="Lifetime"/> they are no longer served, and each new export deletes
/// the expired ones of every tenant.
/// </summary>
public sealed class ExportStore(StorageTables tables, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const int MaxBytes = BinaryColumns.MaxBytes;

    private const string TenantColumn = "TenantId";
    private const string LengthColumn = "Length";
    private const string ChunkPrefix = "Bytes";

    /// <summary>
    /// What an export file holds about people (<see cref="PersonalDataRegistry"/>): a snapshot that may name anyone and
    /// cannot be searched, so anyone's erasure deletes all of the tenant's; a new export makes them again.
    /// </summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        new(StoredTable.Exports, Keys.ExportRow, RowErasure.DeleteAllOfTenant,
            [PersonalColumn.Mentions(ChunkPrefix, numbered: true), PersonalColumn.NotAPerson("FileName")]) { TenantColumn = TenantColumn },
    ];

    private readonly TableClient table = tables.Exports;

    /// <summary>Stores the file and returns the token to fetch it by until it expires.</summary>
    /// <exception cref="ArgumentException">Larger than <see cref="MaxBytes"/>.</exception>
    public Task<string> SaveAsync(TenantScope scope, ExportFile file, CancellationToken cancellationToken = default) =>
        SaveAsync(scope, file, Lifetime, cancellationToken);

    /// <inheritdoc cref="SaveAsync(TenantScope, ExportFile, CancellationToken)"/>
    /// <param name="lifetime">How long it is served, at most <see cref="Lifetime"/>: shorter for a person's own data.</param>
    public async Task<string> SaveAsync(TenantScope scope, ExportFile file, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Content.Length > MaxBytes)
        {
            throw new ArgumentException($"An export file may have at most {MaxBytes} bytes; this one has {file.Content.Length}.", nameof(file));
        }

        var now = clock.GetUtcNow();
        await DeleteExpiredAsync(now, cancellationToken);
        var token = ImageTokens.New();
        var row = new TableEntity(Keys.ExportPartition(token), Keys.ExportRow)
        {
            [TenantColumn] = scope.TenantId,
            ["FileName"] = file.FileName,
            ["ContentType"] = file.ContentType,
            [LengthColumn] = file.Content.Length,
            ["ExpiresAt"] = now + (lifetime < Lifetime ? lifetime : Lifetime),
        };
        BinaryColumns.Write(row, ChunkPrefix, file.Content);
        await table.AddEntityAsync(row, cancellationToken);
        return token;
    }

    /// <summary>The file, or null for a token that is malformed, unknown or expired. The token is the only key.</summary>
    public async Task<ExportFile?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!ImageTokens.IsWellFormed(token))
        {
            return null;
        }

        var row = await table.FindAsync(Keys.ExportPartition(token), Keys.ExportRow, cancellationToken);
        if (row?.GetInt32(LengthColumn) is not { } length
            || row.GetDateTimeOffset("ExpiresAt") is not { } expiresAt || expiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        return BinaryColumns.Read(row, ChunkPrefix, length) is { } content
            ? new ExportFile(row.GetString("FileName"), row.GetString("ContentType"), content)
            : null;
    }

    // Exports are rare and the table small, so a scan per export is cheap and needs no timer of its own.
    private async Task DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"ExpiresAt le {now}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
            {
                // Another instance swept it first.
            }
        }
    }
}
