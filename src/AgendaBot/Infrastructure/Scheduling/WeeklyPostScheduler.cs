using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Scheduling;
using Microsoft.Extensions.Options;

namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>
/// Wakes up when the next agenda's weekly post is due (on its <see cref="TimeProvider"/>), and for each due agenda
/// claims the week's lease — so of several instances exactly one produces it — asks the <see cref="IWeeklyReport"/>
/// for the posts and puts them into the outbox under keys naming agenda, week and conversation.
/// </summary>
public sealed partial class WeeklyPostScheduler(
    DeliveryStorage storage,
    AgendaIndex index,
    AgendaRepository agendas,
    WeeklyLeases leases,
    Outbox outbox,
    IWeeklyReport report,
    IOptions<WeeklyPostOptions> options,
    TimeProvider time,
    ILogger<WeeklyPostScheduler> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    // Weeks this instance finished, so that it does not ask the lease table again on every pass of the catch-up window.
    private readonly ConcurrentDictionary<string, DateTimeOffset> finished = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await StorageReadiness.WaitAsync(storage.EnsureCreatedAsync, time, logger, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            DateTimeOffset? next = null;
            try
            {
                next = await RunDueAsync(now, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPassFailed(logger, failure);
            }

            var wait = next is { } due && due - now < settings.RescanInterval ? due - now : settings.RescanInterval;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
        }
    }

    /// <summary>One pass: produces every weekly post due at <paramref name="now"/>; returns when the next one is due.</summary>
    public async Task<DateTimeOffset?> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? earliest = null;
        foreach (var entry in await index.ListAsync(cancellationToken))
        {
            try
            {
                if (await RunAgendaAsync(entry, now, cancellationToken) is { } next && (earliest is null || next < earliest))
                {
                    earliest = next;
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One agenda's failure (its report threw, storage hiccup) must not hold up the others; it is retried
                // once its lease is stale.
                LogAgendaFailed(logger, failure, entry.AgendaId, entry.TenantId);
            }
        }

        Forget(now - options.Value.CatchUp - TimeSpan.FromDays(1));
        return earliest;
    }

    private async Task<DateTimeOffset?> RunAgendaAsync(AgendaIndexEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await agendas.GetAsync(entry.Scope, entry.AgendaId, cancellationToken) is not { Value: var agenda })
        {
            return null;
        }

        if (!WeeklyOccurrences.TryCreate(agenda.Schedule, out var occurrences, out var problem))
        {
            LogBadSchedule(logger, agenda.Id, problem);
            return null;
        }

        // Never before the agenda existed: setting one up on a Monday at 09:00 does not produce that morning's post.
        var from = now - options.Value.CatchUp > agenda.CreatedAt ? now - options.Value.CatchUp : agenda.CreatedAt;
        var due = occurrences!.NextAfter(from);
        for (; due is { } d && d <= now; due = occurrences.NextAfter(d))
        {
            await ProduceOnceAsync(entry.Scope, agenda, new WeeklyOccurrence(d, occurrences.IsoWeekOf(d)), now, cancellationToken);
        }

        return due;
    }

    private async Task ProduceOnceAsync(TenantScope scope, Agenda agenda, WeeklyOccurrence occurrence, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var week = $"{scope.TenantId}|{agenda.Id}|{occurrence.IsoWeek}";
        if (finished.ContainsKey(week))
        {
            return;
        }

        var settings = options.Value;
        if (await leases.TryClaimAsync(scope, agenda.Id, occurrence.IsoWeek, owner, now, settings.LeaseStaleAfter, cancellationToken) is not { } lease)
        {
            return;
        }

        var posts = await report.ProduceAsync(scope, agenda, occurrence, cancellationToken);
        foreach (var post in posts)
        {
            await outbox.EnqueueAsync(scope, post, $"weekly|{agenda.Id}|{occurrence.IsoWeek}|{post.ConversationId}", agenda.Id, cancellationToken);
        }

        await leases.CompleteAsync(scope, lease, time.GetUtcNow(), cancellationToken);
        finished[week] = occurrence.Due;
        LogProduced(logger, agenda.Id, occurrence.IsoWeek, posts.Count);
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (week, due) in finished)
        {
            if (due < before)
            {
                finished.TryRemove(week, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly post of agenda {AgendaId} for {Week}: {Count} post(s) in the outbox")]
    private static partial void LogProduced(ILogger logger, string agendaId, string week, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agenda {AgendaId} has a schedule that cannot be read: {Problem}")]
    private static partial void LogBadSchedule(ILogger logger, string agendaId, string? problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly post of agenda {AgendaId} (tenant {TenantId}) failed; tried again when its lease is stale")]
    private static partial void LogAgendaFailed(ILogger logger, Exception failure, string agendaId, string tenantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass of the weekly scheduler failed")]
    private static partial void LogPassFailed(ILogger logger, Exception failure);
}
