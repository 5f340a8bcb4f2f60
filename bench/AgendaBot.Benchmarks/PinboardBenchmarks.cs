using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage;
using AgendaBot.Storage.Workshops;
using BenchmarkDotNet.Attributes;

namespace AgendaBot.Benchmarks;

/// <summary>
/// A pinboard update (<see cref="PinboardPublisher"/>): the card view with its paging and the JSON the connector
/// sends, then — separately — the two storage reads it starts with (workshop header, all contributions).
/// </summary>
[MemoryDiagnoser]
public class PinboardBenchmarks
{
    private readonly Texts texts = new(BotCulture.German);
    private readonly TenantScope tenant = new($"bench-{Guid.NewGuid():N}");
    private Workshop workshop = null!;
    private IReadOnlyList<Contribution> contributions = null!;
    private WorkshopRepository repository = null!;

    [Params(30, 150)]
    public int Contributions { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        (workshop, contributions) = SampleData.Workshop(Contributions);
        repository = new WorkshopRepository(await BenchStorage.TablesAsync());
        await repository.CreateAsync(tenant, workshop with { NextContributionNumber = 1 });
        foreach (var contribution in contributions)
        {
            await repository.AddContributionAsync(tenant, workshop.Id, $"seed-{contribution.Number}", (_, number) => contribution with { Number = number });
        }
    }

    [Benchmark(Description = "pinboard card view + JSON")]
    public int RenderPinboard()
    {
        var bytes = 0;
        foreach (var page in PinboardCard.Render(workshop, contributions, texts))
        {
            bytes += JsonSerializer.SerializeToUtf8Bytes(page, CardJsonContext.Default.AdaptiveCard).Length;
        }

        return bytes;
    }

    [Benchmark(Description = "pinboard storage reads (Azurite)")]
    public async Task<int> ReadPinboardState()
    {
        var header = await repository.GetAsync(tenant, workshop.Id);
        var stored = await repository.GetContributionsAsync(tenant, workshop.Id);
        return (header is null ? 0 : 1) + stored.Count;
    }
}
