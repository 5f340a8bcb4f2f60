using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgendaBot.Testing;

/// <summary>Free loopback ports and stopping the servers started for tests and benchmarks.</summary>
public static class LocalProcesses
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the process and its children, if still running, and releases it.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
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
