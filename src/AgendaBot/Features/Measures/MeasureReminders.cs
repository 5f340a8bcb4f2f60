using AgendaBot.Bot.Localization;
using AgendaBot.Domain.Measures;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.Scheduling;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Measures;

/// <summary>The owner reminders (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance looks for measures without an update; a reminder is late by at most this much.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Reminds owners whose measure has had no update for 14 days, 1:1 with the status card, once per measure and 14-day
/// period. Every instance looks; a claim row per measure, last update and period (an insert) lets one of them enqueue it,
/// and the outbox key naming the same keeps it single even if it is enqueued again.
/// </summary>
public sealed partial class MeasureReminders(
    DeliveryStorage storage,
    AgendaIndex index,
    MeasureRepository measures,
    PlanFollowUpStore followUp,
    OwnerRequests requests,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<MeasureReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await StorageReadiness.WaitAsync(storage.EnsureCreatedAsync, time, logger, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogPassFailed(logger, failure);
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken);
        }
    }

    /// <summary>One pass over every agenda; returns how many reminders were put into the outbox.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var entry in await index.ListAsync(cancellationToken))
        {
            foreach (var measure in await measures.GetAllAsync(entry.Scope, entry.AgendaId, cancellationToken))
            {
                if (MeasureFollowUp.ReminderDue(measure, now) is { } period && await RemindAsync(entry.Scope, measure, period, now, cancellationToken))
                {
                    sent++;
                }
            }
        }

        return sent;
    }

    private async Task<bool> RemindAsync(TenantScope tenant, Measure measure, int period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Claimed before it is enqueued: an instance dying in between loses this period's reminder, never sends two.
        if (!await followUp.TryClaimReminderAsync(tenant, measure, period, now, cancellationToken))
        {
            return false;
        }

        var days = (int)(now - measure.UpdatedAt).TotalDays;
        var key = $"remind|{measure.AgendaId}|{measure.Id}|{measure.UpdatedAt.UtcTicks}|{period}";
        try
        {
            // An owner who cannot be reached stays claimed: asking again every hour would not reach them either.
            return await requests.SendAsync(tenant, measure, texts => texts.Format(TextKey.MeasureReminder, measure.Title, days), key, cancellationToken);
        }
        catch
        {
            await followUp.ReleaseReminderAsync(tenant, measure, period, CancellationToken.None);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reminder pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception failure);
}
