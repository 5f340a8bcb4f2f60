using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.LoadDriver;

/// <summary>
/// The storage floor: N workers upserting an entity shaped like a ballot row (same properties and sizes) into one
/// partition of the same Azurite, with the bot's table client settings. A ballot cannot be faster than this.
/// </summary>
internal sealed class StorageFloor(string connectionString)
{
    private readonly TableClient table = new TableServiceClient(connectionString, new TableClientOptions
    {
        Retry = { MaxRetries = 3, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), NetworkTimeout = TimeSpan.FromSeconds(10) },
    }).GetTableClient("benchfloor");

    public async Task<(LevelResult Result, int Stored)> RunAsync(int workers, TimeSpan warmUp, TimeSpan duration)
    {
        await table.CreateIfNotExistsAsync();
        var partition = $"floor-{workers}-{Guid.NewGuid():N}";
        var result = await ClosedLoop.RunAsync(workers, warmUp, duration, async (index, serial) =>
        {
            try
            {
                var response = await table.UpsertEntityAsync(Row(partition, index, serial), TableUpdateMode.Replace);
                return !response.IsError;
            }
            catch (RequestFailedException)
            {
                return false;
            }
        });
        var stored = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"]))
        {
            stored++;
        }

        return (result, stored);
    }

    private static TableEntity Row(string partition, int index, int serial)
    {
        var stars = Channel.Stars(index, serial);
        return new TableEntity(partition, $"ballot|0123456789abcdef|{Channel.UserIdOf(index)}")
        {
            ["RoundId"] = "0123456789abcdef",
            ["Scores"] = JsonSerializer.Serialize(stars.Select((value, i) => new { Item = i + 1, Criterion = "Bewertung", Value = value })),
            ["CastAt"] = DateTimeOffset.UtcNow,
            ["PersonId"] = Channel.UserIdOf(index),
        };
    }
}
