using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgendaBot.Testing;

/// <summary>
/// The real Azure Storage emulator (Azurite, from the pinned npm package), in memory, on free loopback ports.
/// One per test process: tests keep apart by using their own tenant ids, as tenants do in production.
/// Fault tests start a dedicated one (<see cref="StartDedicated"/>) that keeps its data on disk and can be stopped and
/// started again on the same ports, as a storage outage looks to the bot.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    private const string Account = "devstoreaccount1";

    // Azurite's well-known development key; it protects nothing.
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<AzuriteServer> SharedInstance = new(Start);
    private readonly int tablePort;
    private readonly int queuePort;
    private readonly int blobPort;
    private readonly string? location;
    private Process process = null!;

    private AzuriteServer(int tablePort, int queuePort, int blobPort, string? location)
    {
        (this.tablePort, this.queuePort, this.blobPort, this.location) = (tablePort, queuePort, blobPort, location);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
    }

    public static AzuriteServer Shared => SharedInstance.Value;

    public string ConnectionString { get; }

    private static AzuriteServer Start()
    {
        var server = new AzuriteServer(LocalProcesses.FreePort(), LocalProcesses.FreePort(), LocalProcesses.FreePort(), location: null);
        server.Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>An Azurite of the caller's own, keeping its data in <paramref name="location"/> across <see cref="Stop"/>.</summary>
    public static AzuriteServer StartDedicated(string location)
    {
        Directory.CreateDirectory(location);
        var server = new AzuriteServer(LocalProcesses.FreePort(), LocalProcesses.FreePort(), LocalProcesses.FreePort(), location);
        server.Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>
    /// Stops the emulator the way a service shutdown does (SIGTERM, so it writes its data to disk); the ports then refuse
    /// connections until <see cref="Restart"/>.
    /// </summary>
    public void Stop()
    {
        if (location is null)
        {
            throw new InvalidOperationException("Only a dedicated Azurite with a data location can be stopped and started again.");
        }

        if (!process.HasExited)
        {
            _ = SendSignal(process.Id, SigTerm);
            if (!process.WaitForExit(15_000))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }

        process.Dispose();
    }

    /// <summary>Starts the stopped emulator again on the same ports with the same data.</summary>
    public void Restart()
    {
        if (location is null || !process.SafeHasExited())
        {
            throw new InvalidOperationException("Restart a dedicated Azurite only after Stop.");
        }

        Launch();
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Launch()
    {
        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} missing): run scripts/install.sh first.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in new[]
        {
            script, "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
        }.Concat(persistence))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        foreach (var port in new[] { tablePort, queuePort, blobPort })
        {
            WaitUntilListening(port);
        }
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("Azurite did not start listening within 90 s.");
    }

    public void Dispose()
    {
        try
        {
            if (!process.SafeHasExited())
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}

internal static class ProcessExtensions
{
    /// <summary>Whether the process is gone, also for a process object that was already disposed.</summary>
    public static bool SafeHasExited(this Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
