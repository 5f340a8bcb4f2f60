using System.Globalization;
using System.Text.Json;
using AgendaBot.Benchmarks;
using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Measures;
using AgendaBot.Protocol.Cards;
using AgendaBot.Testing;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Usage: AgendaBot.Benchmarks [BenchmarkDotNet arguments, e.g. --filter *Pinboard*]
var results = Path.Combine(RepositoryRoot.Path, "bench", "results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "card-sizes.md"), CardSizes());

// In-process and short: the whole bench/run.sh stays within minutes on a 2-core machine; no child project is built.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(8)
    .WithId("ShortInProcess");
var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default).AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(Path.Combine(results, "BenchmarkDotNet"));
BenchmarkSwitcher.FromAssembly(typeof(PinboardBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
return;

// How big what the bot sends gets: Teams refuses messages somewhere between 28 and 100 KB.
static string CardSizes()
{
    var texts = new Texts(BotCulture.German);
    var lines = new List<string> { "| card | pages | bytes (JSON, all pages) |", "|---|---:|---:|" };
    foreach (var count in new[] { 30, 150 })
    {
        var (workshop, contributions) = SampleData.Workshop(count);
        var pages = PinboardCard.Render(workshop, contributions, texts);
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"| pinboard, {count} contributions | {pages.Count} | {pages.Sum(p => JsonSerializer.SerializeToUtf8Bytes(p, CardJsonContext.Default.AdaptiveCard).Length)} |"));
    }

    var measures = SampleData.Measures(WeeklyReportBenchmarks.MeasureCount);
    var card = WeeklyStatusCard.Render("Digitale Agenda Hagenow", measures, WeeklyStatus.Compose(measures, SampleData.History(measures), SampleData.Now), texts);
    lines.Add(string.Create(CultureInfo.InvariantCulture,
        $"| weekly status, {measures.Count} measures | 1 | {JsonSerializer.SerializeToUtf8Bytes(card, CardJsonContext.Default.AdaptiveCard).Length} |"));
    return string.Join('\n', lines) + "\n";
}
