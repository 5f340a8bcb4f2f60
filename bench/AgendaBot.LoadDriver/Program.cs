using System.Globalization;
using System.Net;
using AgendaBot.LoadDriver;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Testing;

// Usage: AgendaBot.LoadDriver [--seconds 15] [--warmup 3] [--levels 1,10,50,200] [--turn-levels 1,10,50] [--cold-starts 5]
//   [--cold-start-builds name=path.dll,...] [--workshop-day true] [--out bench/results/load.md]
var options = Options.Parse(args);
var root = RepositoryRoot.Path;
var output = Path.GetFullPath(options.Get("--out", Path.Combine(root, "bench", "results", "load.md")), root);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
var duration = TimeSpan.FromSeconds(double.Parse(options.Get("--seconds", "15"), CultureInfo.InvariantCulture));
var warmUp = TimeSpan.FromSeconds(double.Parse(options.Get("--warmup", "3"), CultureInfo.InvariantCulture));
var levels = Levels(options.Get("--levels", "1,10,50,200"));
var turnLevels = Levels(options.Get("--turn-levels", "1,10,50"));
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
    MaxConnectionsPerServer = levels.Concat(turnLevels).DefaultIfEmpty(1).Max() + 16,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
})
{
    BaseAddress = bot.BaseAddress,
    Timeout = TimeSpan.FromSeconds(30),
    DefaultRequestVersion = HttpVersion.Version11,
};
var channel = new Channel(http, connector);
var workshop = await channel.SetUpAsync(Math.Max(2, levels.DefaultIfEmpty(2).Max()));
connector.Recording = false;
var voting = new VotingRepository(new StorageTables(new StorageOptions { ConnectionString = azurite.ConnectionString }));
var floor = new StorageFloor(azurite.ConnectionString);
var ballots = new BallotLevel(http, channel, workshop, voting);
await Task.Delay(TimeSpan.FromSeconds(3));
var atRest = bot.Memory().RssMiB;
Console.WriteLine($"set up: workshop {workshop} with {levels.DefaultIfEmpty(2).Max()} voters; bot at rest {atRest:0} MiB");

var reports = new List<LevelReport>();
foreach (var voters in levels)
{
    var (once, onceStored, oncePeak) = await MeasureAsync(BallotWorkload.VoteOnce, voters);
    var (revote, revoteStored, revotePeak) = await MeasureAsync(BallotWorkload.Revote, voters);
    var (floorResult, floorStored) = await floor.RunAsync(voters, warmUp, duration);
    var report = new LevelReport(once, onceStored, revote, revoteStored, floorResult, floorStored, Math.Max(oncePeak, revotePeak));
    reports.Add(report);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{voters,3} voters: once {once.PerSecond,6:0}/s p50 {once.P50:0.0} p99 {once.P99:0.0} ms, {once.Failures} failed, stored {onceStored.Matching}/{onceStored.Expected} "
        + $"| re-vote {revote.PerSecond,6:0}/s p50 {revote.P50:0.0} p99 {revote.P99:0.0} ms, {revote.Failures} failed, stored {revoteStored.Matching}/{revoteStored.Expected} "
        + $"| floor {floorResult.PerSecond:0}/s p50 {floorResult.P50:0.0} p99 {floorResult.P99:0.0} ms ({floorStored} rows) "
        + $"| once ÷ floor {once.PerSecond / floorResult.PerSecond:P0} | RSS peak {report.PeakRssMiB:0} MiB"));
}

// Plain turns beside the floor bot: the same HTTP work, nothing else (bench/AgendaBot.FloorBot).
var turnReports = new List<TurnReport>();
if (turnLevels.Length > 0)
{
    var floorDll = Path.Combine(root, "bench", "AgendaBot.FloorBot", "bin", "Release", "net10.0", "AgendaBot.FloorBot.dll");
    using var floorBot = await BotProcess.StartAsync(floorDll, azurite.ConnectionString, Path.ChangeExtension(output, ".floor.log"));
    var turns = new TurnLevel(http, connector);
    await turns.InstallAsync(bot.BaseAddress, turnLevels.Max());
    foreach (var place in new[] { TurnPlace.PersonalChat, TurnPlace.Channel })
    {
        var replyBytes = await turns.ReplyBytesAsync(bot.BaseAddress, place);
        foreach (var connections in turnLevels)
        {
            var agendaBot = await turns.RunAsync(bot.BaseAddress, place, connections, warmUp, duration, replyBytes);
            var floorTurns = await turns.RunAsync(floorBot.BaseAddress, place, connections, warmUp, duration, replyBytes);
            turnReports.Add(new TurnReport(place, replyBytes, agendaBot, floorTurns));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{place} hilfe, {connections,2} connections: {agendaBot.PerSecond,6:0} turns/s p50 {agendaBot.P50:0.0} p99 {agendaBot.P99:0.0} ms, {agendaBot.Failures} failed "
                + $"| floor {floorTurns.PerSecond:0}/s p50 {floorTurns.P50:0.0} p99 {floorTurns.P99:0.0} ms | ratio {agendaBot.PerSecond / floorTurns.PerSecond:P0} | reply {replyBytes} bytes"));
        }
    }
}

// Public pages of a published agenda beside the floor bot serving the same bytes from memory (issue 17, item 6).
var pageReports = new List<PageReport>();
var pageLevels = Levels(options.Get("--page-levels", "50"));
if (pageLevels.Length > 0)
{
    var floorDll = Path.Combine(root, "bench", "AgendaBot.FloorBot", "bin", "Release", "net10.0", "AgendaBot.FloorBot.dll");
    using var floorBot = await BotProcess.StartAsync(floorDll, azurite.ConnectionString, Path.ChangeExtension(output, ".floor-pages.log"));
    var publicId = await PageLevel.PublishAsync(azurite.ConnectionString);
    var pages = new PageLevel(http);
    foreach (var (name, path) in new[] { ("start page", $"agenda/{publicId}"), ("measure page", $"agenda/{publicId}/massnahmen/3") })
    {
        var bytes = await pages.BytesAsync(new Uri(bot.BaseAddress, path));
        foreach (var connections in pageLevels)
        {
            var agendaBot = await pages.RunAsync(new Uri(bot.BaseAddress, path), connections, warmUp, duration);
            var floorPages = await pages.RunAsync(new Uri(floorBot.BaseAddress, $"page?pageBytes={bytes}"), connections, warmUp, duration);
            pageReports.Add(new PageReport(name, bytes, agendaBot, floorPages));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}, {connections,2} connections: {agendaBot.PerSecond,6:0} pages/s p50 {agendaBot.P50:0.0} p99 {agendaBot.P99:0.0} ms, {agendaBot.Failures} failed "
                + $"| floor {floorPages.PerSecond:0}/s p50 {floorPages.P50:0.0} p99 {floorPages.P99:0.0} ms | ratio {agendaBot.PerSecond / floorPages.PerSecond:P0} | {bytes} bytes"));
        }
    }
}

// A town's workshop day: three workshops of 15 people at once, in a tenant of its own.
WorkshopDayResult? day = null;
ExportTimingResult? export = null;
if (options.Get("--workshop-day", "true") == "true")
{
    var town = new Channel(http, connector);
    day = await new WorkshopDay(town, connector, new StorageTables(new StorageOptions { ConnectionString = azurite.ConnectionString })).RunAsync(bot);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"workshop day: {day.Clicks} clicks, {day.Errors} errors, p50 {day.P50:0.0} p99 {day.P99:0.0} ms, at most {day.MaxCallsPerSecond:0} connector calls in a second ({day.BusiestConversation}), "
        + $"incomplete: {day.Incomplete.Count}, RSS peak {day.PeakRssMiB:0} MiB, {day.Elapsed.TotalSeconds:0} s"));
    export = await new ExportTiming(http, town, connector).MeasureAsync(WorkshopDay.ChannelOf(0));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"export: answered in {export.AnswerMs:0} ms, Word and CSV after {export.FilesMs:0} ms, ready after {export.ReadyMs:0} ms (PDF: {export.Pdf})"));
}

// Cold starts: fresh processes of each build against the same storage, after everything else (median of N).
var coldStarts = new List<ColdStartResult>();
var coldRuns = int.Parse(options.Get("--cold-starts", "5"), CultureInfo.InvariantCulture);
if (coldRuns > 0)
{
    var builds = options.Get("--cold-start-builds", $"build={Path.Combine(root, "src", "AgendaBot", "bin", "Release", "net10.0", "AgendaBot.dll")}")
        .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(b => b.Split('=', 2));
    var cold = new ColdStart(http, channel, connector, workshop, azurite.ConnectionString, Path.GetDirectoryName(output)!);
    foreach (var build in builds)
    {
        var result = await cold.MeasureAsync(build[0], build[1], coldRuns, firstVoter: 1);
        coldStarts.Add(result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold start ({build[0]}): first turn median {ColdStartResult.Median(result.FirstTurnMs):0} ms, first ballot median {ColdStartResult.Median(result.FirstBallotMs):0} ms"));
    }
}

var (_, hwm) = bot.Memory();
var markdown = Report.Render(reports, (atStart, atRest, hwm), machine, duration) + Report.RenderTurns(turnReports) + Report.RenderPages(pageReports)
    + Report.RenderWorkshopDay(day) + Report.RenderExport(export) + Report.RenderColdStarts(coldStarts);
await File.WriteAllTextAsync(output, markdown);
Console.WriteLine();
Console.WriteLine(markdown);
// Honest figures only: a ballot acknowledged but not stored fails the run.
return reports.All(r => r.OnceStored.Matching == r.OnceStored.Expected && r.RevoteStored.Matching == r.RevoteStored.Expected
    && r.FloorStored == r.Floor.Concurrency) && turnReports.All(t => t.Bot.Failures == 0 && t.Floor.Failures == 0)
    && pageReports.All(p => p.Bot.Failures == 0 && p.Floor.Failures == 0)
    && day is null or { Errors: 0, Incomplete.Count: 0 } ? 0 : 1;

static int[] Levels(string list) =>
    list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();

async Task<(LevelResult Result, StoredCheck Stored, double PeakRssMiB)> MeasureAsync(BallotWorkload workload, int voters)
{
    await using var sampler = new MemorySampler(bot).Start();
    var (result, stored) = await ballots.RunAsync(workload, voters, warmUp, duration);
    return (result, stored, sampler.PeakRssMiB);
}

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
