using System.Diagnostics;
using System.Globalization;
using AgendaBot.Testing;

namespace AgendaBot.LoadDriver;

/// <summary>
/// The built bot as its own process (as in production: not hosted inside the driver), in development mode on a free
/// loopback port, storing into the given Azurite. Its output goes to a log file.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private BotProcess(Process process, StreamWriter log, Uri baseAddress)
    {
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <param name="environment">More settings for the process, e.g. for the floor bot.</param>
    public static async Task<BotProcess> StartAsync(string dll, string connectionString, string logPath,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var bot = Launch(dll, connectionString, logPath, environment);
        await bot.WaitUntilHealthyAsync(logPath);
        return bot;
    }

    /// <summary>When the process was started (a <see cref="Stopwatch"/> timestamp), for cold-start figures.</summary>
    public long StartedAt { get; private init; }

    /// <summary>Starts the process and returns at once, without waiting for it to listen.</summary>
    public static BotProcess Launch(string dll, string connectionString, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build first (dotnet build AgendaBot.sln -c Release).");
        }

        var port = LocalProcesses.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        // Production environment and logging; no Bot:AppId = development mode (no tokens, loopback callers only).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Console export of every span would be part of what is measured; a deployment exports to Azure Monitor.
        start.Environment["Telemetry__ConsoleExporter"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, log, new Uri($"http://127.0.0.1:{port}/")) { StartedAt = startedAt };
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(string logPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with code {process.ExitCode} while starting; see {logPath}.");
            }

            try
            {
                if ((await http.GetStringAsync(new Uri(BaseAddress, "healthz"))).Contains("Healthy", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The bot did not answer /healthz within 90 s; see {logPath}.");
    }

    /// <summary>Resident memory now and its peak so far, in MiB, from /proc/&lt;pid&gt;/status.</summary>
    public (double RssMiB, double HwmMiB) Memory()
    {
        double Read(string[] lines, string key) => lines.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024
            : double.NaN;
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        return (Read(status, "VmRSS:"), Read(status, "VmHWM:"));
    }

    public void Dispose()
    {
        LocalProcesses.Stop(process);
        log.Dispose();
    }
}
