using AgendaBot.Domain.Agendas;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;

namespace AgendaBot.Infrastructure.Scheduling;

/// <summary>One due weekly post: when it was due (UTC) and the ISO week it belongs to in the agenda's time zone.</summary>
public sealed record WeeklyOccurrence(DateTimeOffset Due, string IsoWeek);

/// <summary>
/// Produces an agenda's weekly posts (the measure-status report for the project lead, a summary for the status
/// channel). Implemented by the measures feature; the scheduler calls it once per agenda and week, on one instance
/// only, and puts whatever it returns into the outbox.
/// </summary>
public interface IWeeklyReport
{
    /// <returns>The posts to send; empty when there is nothing to say this week.</returns>
    Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken);
}

/// <summary>Until the measures feature registers its report, the schedule runs and posts nothing.</summary>
public sealed class NoWeeklyReport : IWeeklyReport
{
    public Task<IReadOnlyList<ProactivePost>> ProduceAsync(TenantScope tenant, Agenda agenda, WeeklyOccurrence occurrence,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProactivePost>>([]);
}
