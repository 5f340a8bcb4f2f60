using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Infrastructure.Scheduling;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;

namespace AgendaBot.Tests.Scheduling;

/// <summary>
/// A weekly report that posts "Wochenstatus {week}" to the agenda's status channel and remembers when it was asked.
/// With <paramref name="heldUntil"/> it produces nothing before that task completes, so a test can keep an instance
/// inside its report (holding the week's lease) for as long as it needs.
/// </summary>
internal sealed class RecordingReport(TimeProvider time, int failFirst = 0, Task? heldUntil = null) : IWeeklyReport
{
    private int calls;

    public ConcurrentQueue<(DateTimeOffset At, WeeklyOccurrence Occurrence)> Produced { get; } = new();

    public async Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken)
    {
        if (heldUntil is not null)
        {
            await heldUntil.WaitAsync(cancellationToken);
        }

        if (Interlocked.Increment(ref calls) <= failFirst)
        {
            throw new InvalidOperationException("The measures could not be read.");
        }

        Produced.Enqueue((time.GetUtcNow(), occurrence));
        return [new ProactivePost(agenda.StatusConversationId!, new Activity { Text = $"Wochenstatus {occurrence.IsoWeek}" })];
    }
}
