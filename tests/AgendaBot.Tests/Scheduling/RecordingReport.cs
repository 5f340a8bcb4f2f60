using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;

namespace AgendaBot.Tests.Scheduling;

/// <summary>A weekly report that posts "Wochenstatus {week}" to the agenda's status channel and remembers when it was asked.</summary>
internal sealed class RecordingReport(TimeProvider time, int failFirst = 0) : IWeeklyReport
{
    private int calls;

    public ConcurrentQueue<(DateTimeOffset At, WeeklyOccurrence Occurrence)> Produced { get; } = new();

    public async Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken)
    {
        // Slow enough that two racing instances really overlap.
        await Task.Delay(50, cancellationToken);
        if (Interlocked.Increment(ref calls) <= failFirst)
        {
            throw new InvalidOperationException("The measures could not be read.");
        }

        Produced.Enqueue((time.GetUtcNow(), occurrence));
        return [new ProactivePost(agenda.StatusConversationId!, new Activity { Text = $"Wochenstatus {occurrence.IsoWeek}" })];
    }
}
