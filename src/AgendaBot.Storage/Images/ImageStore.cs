using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Images;

/// <summary>
/// PNG pictures (charts) for cards. Teams fetches a card's images by URL, so the bot keeps them and serves them under
/// a random token (<see cref="ImageTokens"/>). One row per picture, one point read to serve it. A binary property
/// holds at most 64 KiB, so the bytes are split over up to 15 properties of one row: 960 KiB at most, under the
/// 1 MiB entity limit; a chart is 10–100 KB.
/// </summary>
public sealed class ImageStore(StorageTables tables, TimeProvider clock)
{
    public const int ChunkBytes = BinaryColumns.ChunkBytes;
    public const int MaxChunks = BinaryColumns.MaxChunks;
    public const int MaxBytes = BinaryColumns.MaxBytes;

    private const string TenantColumn = "TenantId";
    private const string LengthColumn = "Length";
    private const string ChunkPrefix = "Png";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Checked for <see cref="PersonalDataRegistry"/>: charts of what was voted, no names (docs/charts.md).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData = [StoredRow.Nobody(StoredTable.Images, Keys.ImageRow)];

    private readonly TableClient table = tables.Images;

    /// <summary>Stores the picture for good (old posts keep showing it) and returns the token to fetch it by.</summary>
    /// <exception cref="ArgumentException">Not a PNG, or larger than <see cref="MaxBytes"/>.</exception>
    public async Task<string> SaveAsync(TenantScope scope, byte[] png, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(png);
        if (!png.AsSpan().StartsWith(PngSignature))
        {
            // The endpoint serves every picture as image/png; anything else must not get that far.
            throw new ArgumentException("Only PNG pictures are stored.", nameof(png));
        }

        if (png.Length > MaxBytes)
        {
            throw new ArgumentException($"A picture may have at most {MaxBytes} bytes; this one has {png.Length}.", nameof(png));
        }

        var token = ImageTokens.New();
        var row = new TableEntity(Keys.ImagePartition(token), Keys.ImageRow)
        {
            // Whose picture it is, for removing a tenant's pictures when it leaves; never part of the URL.
            [TenantColumn] = scope.TenantId,
            [LengthColumn] = png.Length,
            ["CreatedAt"] = clock.GetUtcNow(),
        };
        BinaryColumns.Write(row, ChunkPrefix, png);

        // Add, not upsert: two equal tokens would have to come from a broken random generator, and must not overwrite.
        await table.AddEntityAsync(row, cancellationToken);
        return token;
    }

    /// <summary>The picture, or null for a token that is malformed or unknown. Needs no tenant: the token is the key.</summary>
    public async Task<byte[]?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!ImageTokens.IsWellFormed(token))
        {
            return null;
        }

        var row = await table.FindAsync(Keys.ImagePartition(token), Keys.ImageRow, cancellationToken);
        if (row?.GetInt32(LengthColumn) is not { } length)
        {
            return null;
        }

        // A row changed by hand or a partial write: no picture is better than a broken one.
        return BinaryColumns.Read(row, ChunkPrefix, length);
    }

    /// <summary>Deletes a picture of this tenant; a token of another tenant is left alone. False when there was none.</summary>
    public async Task<bool> DeleteAsync(TenantScope scope, string token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!ImageTokens.IsWellFormed(token))
        {
            return false;
        }

        var row = await table.FindAsync(Keys.ImagePartition(token), Keys.ImageRow, cancellationToken);
        if (row is null || row.GetString(TenantColumn) != scope.TenantId)
        {
            return false;
        }

        try
        {
            await table.DeleteEntityAsync(row, row.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == Failures.NotFound)
        {
            return false;
        }
    }
}
