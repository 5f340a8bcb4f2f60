using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// The real Microsoft 365 Agents Playground (the npm package installed by scripts/install.sh) as a child node process,
/// on a loopback port, pointed at the bot. Killed with its whole process tree on dispose.
/// </summary>
internal sealed partial class PlaygroundProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private PlaygroundProcess(Process process, string logFile)
    {
        this.process = process;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The Playground writes its errors and every activity it exchanges here, not to stdout.</summary>
    public string LogFile { get; }

    public static async Task<PlaygroundProcess> StartAsync(string repositoryRoot, Uri botEndpoint, string logFile)
    {
        var cli = Path.Combine(repositoryRoot, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            // Fail, never skip: a missing tool must not turn the end-to-end suite silently green.
            throw new InvalidOperationException(
                $"The Microsoft 365 Agents Playground is not installed ({cli} is missing). Run scripts/install.sh (or ./test.sh) first.");
        }

        // The Playground silently moves to a random port when the requested one is taken, and the service URL it
        // gives the bot must name the port it really got; so pick a free one, and check the one it reports.
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "playground"),
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--require", Path.Combine(AppContext.BaseDirectory, "exit-with-parent.cjs"),
            "--require", Path.Combine(repositoryRoot, "scripts", "playground-loopback.cjs"),
            cli, "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "--disable-telemetry",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            // Without it the bot is told to call back "localhost", which may resolve to ::1.
            "--service-url", $"http://127.0.0.1:{port}/_connector",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile;

        var playground = new PlaygroundProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, logFile);
        try
        {
            await playground.StartAndWaitForPortAsync(port);
            return playground;
        }
        catch
        {
            playground.Dispose();
            throw;
        }
    }

    private async Task StartAndWaitForPortAsync(int requestedPort)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            Record(line.Data);
            if (line.Data is not null && ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The Playground exited with code {process.ExitCode} before it listened.\n{Diagnostics()}"));

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception failure)
        {
            throw new InvalidOperationException($"Could not start 'node' (Node.js 20 must be on PATH): {failure.Message}", failure);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        int actualPort;
        try
        {
            actualPort = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The Playground did not print 'Listening on <port>' within {StartTimeout}.\n{Diagnostics()}");
        }

        if (actualPort != requestedPort)
        {
            throw new InvalidOperationException(
                $"The Playground took port {actualPort} instead of {requestedPort} (someone grabbed it meanwhile); its service URL would be wrong.");
        }

        BaseAddress = new Uri($"http://127.0.0.1:{actualPort}/");
    }

    /// <summary>What the Playground printed and the end of its log file, for failure messages.</summary>
    public string Diagnostics(int logLines = 60)
    {
        string printed;
        lock (output)
        {
            printed = output.ToString();
        }

        var log = "(no log file)";
        try
        {
            if (File.Exists(LogFile))
            {
                // Lines carry whole activities; their beginning (direction, type, conversation) is what helps.
                log = string.Join('\n', File.ReadLines(LogFile).TakeLast(logLines).Select(l => l.Length > 600 ? l[..600] + " …" : l));
            }
        }
        catch (IOException failure)
        {
            log = $"(log file unreadable: {failure.Message})";
        }

        return $"--- Playground output ---\n{printed}--- Playground log {LogFile} (last {logLines} lines) ---\n{log}";
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone: nothing left to stop.
        }

        process.Dispose();
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();
}
