using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Export;

/// <summary>
/// DOCX to PDF with LibreOffice (<c>soffice --headless --convert-to pdf</c>). Each conversion runs in a temporary
/// directory with a LibreOffice user profile of its own: two conversions sharing the default profile would block each
/// other, and the bot's account may have no home directory. One conversion at a time: LibreOffice takes a core and
/// a few hundred MB while it runs.
/// </summary>
public sealed partial class PdfConverter(IOptions<ExportOptions> options, ILogger<PdfConverter> logger) : IDisposable
{
    public const string MediaType = "application/pdf";

    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>The soffice program to run, or null when LibreOffice is not installed (or the configured path does not exist).</summary>
    public string? Program => Locate(options.Value.SofficePath);

    /// <summary>The PDF, or null when LibreOffice is missing, fails or takes longer than <see cref="ExportOptions.PdfTimeout"/>.</summary>
    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (Program is not { } program)
        {
            return null;
        }

        await oneAtATime.WaitAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("agendabot-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "agenda.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = directory.FullName,
            };
            foreach (var argument in new[]
            {
                "-env:UserInstallation=" + new Uri(Path.Combine(directory.FullName, "profile")).AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", directory.FullName, input,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PdfTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                LogTimeout(logger, options.Value.PdfTimeout);
                return null;
            }

            var pdf = Path.Combine(directory.FullName, "agenda.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                LogFailed(logger, process.ExitCode, (await output).Trim(), (await errors).Trim());
                return null;
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        catch (Exception failure) when (failure is System.ComponentModel.Win32Exception or IOException)
        {
            LogFailed(logger, -1, string.Empty, failure.Message);
            return null;
        }
        finally
        {
            oneAtATime.Release();
            TryDelete(directory);
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>The configured path if it is a file; without one, the first <c>soffice</c> on PATH.</summary>
    internal static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { "soffice.exe", "soffice.com" } : ["soffice"];
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A killed LibreOffice may still hold a file for a moment; the temp directory is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF conversion stopped after {Timeout}")]
    private static partial void LogTimeout(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF conversion failed (exit code {ExitCode}): {Output} {Errors}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string output, string errors);
}
