using System.Reflection;

namespace AgendaBot.Packaging.Tests;

/// <summary>The Bicep CLI that restore downloaded (PackageDownload in the project file), run so that it stays offline.</summary>
internal static class Bicep
{
    // Bicep 0.49 fetches the public module index (aka.ms) in the background on every build, whether or not a
    // module uses the public registry. A proxy on a closed loopback port makes any such request fail at once, on
    // the machine, even when the tests run outside test.sh's network namespace.
    private static readonly Dictionary<string, string?> Offline = new()
    {
        ["BICEP_TRACING_ENABLED"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["HTTPS_PROXY"] = "http://127.0.0.1:9",
        ["HTTP_PROXY"] = "http://127.0.0.1:9",
        ["ALL_PROXY"] = "http://127.0.0.1:9",
        ["NO_PROXY"] = "",
    };

    public static string Executable { get; } = Find();

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ChildProcess.RunAsync(Executable, arguments, Offline);

    private static string Find()
    {
        var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepCli").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is missing at {path}: run dotnet restore (scripts/install.sh).");
        }

        // The package is the linux-x64 build; NuGet does not always keep the executable bit of a file in a package.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The pinned Bicep CLI package is Azure.Bicep.CommandLine.linux-x64.");
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}
