using System.Collections.Concurrent;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Storage.Exports;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Export;

/// <summary>Wakes this instance's <see cref="ExportJobWorker"/> when someone asked for an export here, naming the job.</summary>
public sealed class ExportSignal : WakeSignal
{
    private readonly ConcurrentDictionary<string, byte> asked = new();

    public void Asked(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        asked[Key(job)] = 0;
        Wake();
    }

    /// <summary>Whether this instance was asked for the job and has not taken it up yet; taking it up forgets it.</summary>
    public bool TakeUp(ExportJob job) => asked.TryRemove(Key(job), out _);

    public bool AnyAsked => !asked.IsEmpty;

    private static string Key(ExportJob job) => $"{job.Tenant.TenantId}|{job.Id}";
}

/// <summary>
/// Makes the exports people asked for, outside their turn: woken at once by <see cref="ExportSignal"/> for the jobs
/// asked for here, and every <see cref="ExportOptions.JobPollInterval"/> it looks for any job nobody holds — another
/// instance's, or one whose maker died (the lease ran out), so a job survives a restart. (Only then: an instance just
/// asked for its own job leaves the others' to them, instead of racing them for it.) One job at a time per instance (LibreOffice takes a core);
/// a job that fails <see cref="MaxAttempts"/> times ends with a card that says so.
/// </summary>
public sealed partial class ExportJobWorker(
    IServiceScopeFactory scopes, ExportJobs jobs, ExportSignal signal, TimeProvider time, IOptions<ExportOptions> options, ILogger<ExportJobWorker> logger)
    : BackgroundService
{
    public const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFullPass = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            await signal.WaitAsync(options.Value.JobPollInterval, time, stoppingToken);
            var full = time.GetUtcNow() - lastFullPass >= options.Value.JobPollInterval;
            lastFullPass = full ? time.GetUtcNow() : lastFullPass;
            try
            {
                await MakeDueAsync(stoppingToken, onlyAskedHere: !full);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPassFailed(logger, failure);
            }
        }
    }

    /// <param name="onlyAskedHere">Only the jobs asked for on this instance (woken), not every due job (a poll).</param>
    public async Task MakeDueAsync(CancellationToken cancellationToken, bool onlyAskedHere = false)
    {
        if (onlyAskedHere && !signal.AnyAsked)
        {
            return;
        }

        foreach (var due in await jobs.DueAsync(time.GetUtcNow(), cancellationToken))
        {
            if (!signal.TakeUp(due) && onlyAskedHere)
            {
                continue;
            }

            // The lease outlasts the slowest job: the PDF's timeout and the rest with room to spare.
            if (await jobs.TakeAsync(due, time.GetUtcNow() + options.Value.PdfTimeout + TimeSpan.FromMinutes(2), cancellationToken) is not { } job)
            {
                continue;
            }

            await using var scope = scopes.CreateAsyncScope();
            var maker = scope.ServiceProvider.GetRequiredService<ExportMaker>();
            try
            {
                await maker.MakeAsync(job, cancellationToken);
                await jobs.DoneAsync(job, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogJobFailed(logger, failure, job.Id, job.Attempts);
                if (job.Attempts >= MaxAttempts)
                {
                    await maker.GiveUpAsync(job, cancellationToken);
                    await jobs.DoneAsync(job, cancellationToken);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for export jobs failed; looking again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export job {JobId} failed (attempt {Attempt}); it is tried again when its lease runs out")]
    private static partial void LogJobFailed(ILogger logger, Exception failure, string jobId, int attempt);
}
