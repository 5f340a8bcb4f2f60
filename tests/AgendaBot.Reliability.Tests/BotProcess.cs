using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgendaBot.Testing;

namespace AgendaBot.Reliability.Tests;

/// <summary>
/// The built bot (src/AgendaBot/bin/Release) as a process of its own, configured through environment variables as a
/// deployment is, on a fixed loopback port so that it can be killed and started again at the same address.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly string environment;
    private readonly StringBuilder log = new();
    private Process? process;

    public BotProcess(IReadOnlyDictionary<string, string> settings, string environment = "Testing")
    {
        this.settings = settings;
        this.environment = environment;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>What the bot wrote to stdout and stderr, for the failure message of a test.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static string Assembly => Path.Combine(RepositoryRoot.Path, "src", "AgendaBot", "bin", "Release", "net10.0", "AgendaBot.dll");

    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string environment = "Testing")
    {
        var bot = new BotProcess(settings, environment);
        await bot.StartAsync();
        return bot;
    }

    /// <summary>Starts the process and waits until <c>/healthz</c> answers.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(Assembly))
        {
            throw new InvalidOperationException($"{Assembly} is missing: build with dotnet build AgendaBot.sln -c Release first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.AbsoluteUri.TrimEnd('/');
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Spans on standard output for every storage call would only slow the faults down; the tests read the logs.
        start.Environment["Telemetry__ConsoleExporter"] = "false";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
    }

    /// <summary>SIGKILL: no shutdown hooks, requests in flight are cut off, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
    }

    public bool IsRunning => process is { HasExited: false };

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {process.ExitCode} while starting:\n{Log}");
            }

            try
            {
                using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
                var answer = await probe.GetStringAsync(new Uri(BaseAddress, "healthz"));
                if (answer.Contains("Healthy", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The bot did not become healthy within 60 s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
