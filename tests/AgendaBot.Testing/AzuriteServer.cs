using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgendaBot.Testing;

/// <summary>
/// The real Azure Storage emulator (Azurite, from the pinned npm package), in memory, on free loopback ports.
/// One per test process: tests keep apart by using their own tenant ids, as tenants do in production.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    private const string Account = "devstoreaccount1";

    // Azurite's well-known development key; it protects nothing.
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<AzuriteServer> SharedInstance = new(Start);
    private readonly Process process;

    private AzuriteServer(Process process, int tablePort, int queuePort, int blobPort)
    {
        this.process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};"
            + $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";
    }

    public static AzuriteServer Shared => SharedInstance.Value;

    public string ConnectionString { get; }

    private static AzuriteServer Start()
    {
        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed ({script} missing): run scripts/install.sh first.");
        }

        var (table, queue, blob) = (LocalProcesses.FreePort(), LocalProcesses.FreePort(), LocalProcesses.FreePort());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, table, queue, blob);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        server.WaitUntilListening(table);
        return server;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
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

        throw new TimeoutException("Azurite did not start listening within 30 s.");
    }

    public void Dispose() => LocalProcesses.Stop(process);
}
