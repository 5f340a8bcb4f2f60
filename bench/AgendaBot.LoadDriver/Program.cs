using System.Globalization;
using System.Net;
using AgendaBot.LoadDriver;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Testing;

// Usage: AgendaBot.LoadDriver [--seconds 15] [--warmup 3] [--levels 1,10,50,200] [--out bench/results/load.md]
var options = Options.Parse(args);
var root = RepositoryRoot.Path;
var output = Path.GetFullPath(options.Get("--out", Path.Combine(root, "bench", "results", "load.md")), root);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var duration = TimeSpan.FromSeconds(double.Parse(options.Get("--seconds", "15"), CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(double.Parse(options.Get("--warmup", "3"), CultureInfo.InvariantCulture));
var levels = options.Get("--levels", "1,10,50,200").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
var machine = Machine.Describe();
Console.WriteLine(machine);

var azurite = AzuriteServer.Shared;
await using var connector = await ConnectorStandIn.StartAsync();
using var bot = await BotProcess.StartAsync(Path.Combine(root, "src", "AgendaBot", "bin", "Release", "net10.0", "AgendaBot.dll"),
    azurite.ConnectionString, Path.ChangeExtension(output, ".bot.log"));
var atStart = bot.Memory().RssMiB;
Console.WriteLine($"bot pid {bot.Id} on {bot.BaseAddress}, {atStart:0} MiB");

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = levels.Max() + 16,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
})
{
    BaseAddress = bot.BaseAddress,
    Timeout = TimeSpan.FromSeconds(30),
    DefaultRequestVersion = HttpVersion.Version11,
};
var channel = new Channel(http, connector);
var workshop = await channel.SetUpAsync(Math.Max(2, levels.Max()));
var voting = new VotingRepository(new StorageTables(new StorageOptions { ConnectionString = azurite.ConnectionString }));
var floor = new StorageFloor(azurite.ConnectionString);
var ballots = new BallotLevel(http, channel, workshop, voting);
await Task.Delay(TimeSpan.FromSeconds(3));
var atRest = bot.Memory().RssMiB;
Console.WriteLine($"set up: workshop {workshop} with {levels.Max()} voters; bot at rest {atRest:0} MiB");

var reports = new List<LevelReport>();
foreach (var voters in levels)
{
    connector.Recording = true;
    var round = await channel.StartRoundAsync(workshop);
    connector.Recording = false;
    LevelResult ballotResult;
    StoredCheck stored;
    double peak;
    await using (var sampler = new MemorySampler(bot).Start())
    {
        (ballotResult, stored) = await ballots.RunAsync(round, voters, warmUp, duration);
        peak = sampler.PeakRssMiB;
    }

    var (floorResult, floorStored) = await floor.RunAsync(voters, warmUp, duration);
    var report = new LevelReport(ballotResult, stored, floorResult, floorStored, peak);
    reports.Add(report);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{voters,3} voters: {ballotResult.PerSecond,6:0} ballots/s p50 {ballotResult.P50:0.0} p99 {ballotResult.P99:0.0} ms, {ballotResult.Failures} failed, "
        + $"stored {stored.Matching}/{stored.Expected} ({stored.Found} rows) | floor {floorResult.PerSecond:0}/s p50 {floorResult.P50:0.0} p99 {floorResult.P99:0.0} ms "
        + $"({floorStored} rows) | ratio {ballotResult.PerSecond / floorResult.PerSecond:P0} | RSS peak {peak:0} MiB"));
}

var (_, hwm) = bot.Memory();
var markdown = Report.Render(reports, (atStart, atRest, hwm), machine, duration);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine();
Console.WriteLine(markdown);
// Honest figures only: a ballot acknowledged but not stored fails the run.
return reports.All(r => r.Stored.Matching == r.Stored.Expected && r.FloorStored == r.Floor.Concurrency) ? 0 : 1;

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args) =>
        new(Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i], i => args[2 * i + 1], StringComparer.Ordinal));

    public string Get(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;
}

internal static class Machine
{
    /// <summary>The CPU, cores and the load average when the run began (other work on the machine depresses the figures).</summary>
    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var load = File.ReadAllText("/proc/loadavg").Split(' ').Take(3);
        return $"Machine: {cpu}, {Environment.ProcessorCount} cores, {Environment.Version} runtime; load average at start {string.Join(" ", load)} "
            + $"(1/5/15 min); {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.";
    }
}
