using Azure.Data.Tables;

namespace AgendaBot.Storage;

/// <summary>
/// Bytes kept in one table row. A binary property holds at most 64 KiB, so they are split over up to 15 numbered
/// properties: 960 KiB at most, under the 1 MiB entity limit.
/// </summary>
internal static class BinaryColumns
{
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 15;
    public const int MaxBytes = ChunkBytes * MaxChunks;

    public static void Write(TableEntity row, string prefix, byte[] bytes)
    {
        for (var (offset, index) = (0, 0); offset < bytes.Length; offset += ChunkBytes, index++)
        {
            row[prefix + index] = bytes.AsSpan(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }
    }

    /// <summary>The bytes, or null when a chunk is missing or has the wrong size (a row changed by hand or a partial write).</summary>
    public static byte[]? Read(TableEntity row, string prefix, int length)
    {
        var bytes = new byte[length];
        for (var (offset, index) = (0, 0); offset < length; offset += ChunkBytes, index++)
        {
            if (row.GetBinary(prefix + index) is not { } chunk || chunk.Length != Math.Min(ChunkBytes, length - offset))
            {
                return null;
            }

            chunk.CopyTo(bytes.AsSpan(offset));
        }

        return bytes;
    }
}
