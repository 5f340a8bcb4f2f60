using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;
using BenchmarkDotNet.Attributes;

namespace AgendaBot.Benchmarks;

/// <summary>
/// The weekly measure-status post for 1,000 measures (<see cref="MeasureStatusReport"/>): the status computation and
/// card view with its JSON, then — separately — the two storage queries it starts with (all measures, the week's history).
/// </summary>
[MemoryDiagnoser]
public class WeeklyReportBenchmarks
{
    public const int MeasureCount = 1000;

    private readonly Texts texts = new(BotCulture.German);
    private readonly TenantScope tenant = new($"bench-{Guid.NewGuid():N}");
    private IReadOnlyList<Measure> measures = null!;
    private IReadOnlyList<MeasureChange> history = null!;
    private MeasureRepository repository = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        measures = SampleData.Measures(MeasureCount);
        history = SampleData.History(measures);
        repository = new MeasureRepository(await BenchStorage.TablesAsync());
        await Parallel.ForEachAsync(measures, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (measure, token) =>
            await repository.CreateAsync(tenant, measure, SampleData.Person(1), DateTimeOffset.UtcNow, token));
    }

    [Benchmark(Description = "weekly status + card view + JSON, 1,000 measures")]
    public int ComposeAndRender()
    {
        var status = WeeklyStatus.Compose(measures, history, SampleData.Now);
        var card = WeeklyStatusCard.Render("Digitale Agenda Hagenow", measures, status, texts);
        return JsonSerializer.SerializeToUtf8Bytes(card, CardJsonContext.Default.AdaptiveCard).Length;
    }

    [Benchmark(Description = "weekly report storage reads (Azurite), 1,000 measures")]
    public async Task<int> ReadMeasures()
    {
        var all = await repository.GetAllAsync(tenant, "bench-agenda");
        var week = await repository.GetHistorySinceAsync(tenant, "bench-agenda", DateTimeOffset.UtcNow.AddDays(-7));
        return all.Count + week.Count;
    }
}
