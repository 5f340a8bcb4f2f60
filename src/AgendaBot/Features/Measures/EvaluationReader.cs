using AgendaBot.Domain.Measures;
using AgendaBot.Storage;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Measures;

/// <summary>Reads what the evaluation is made of — measures, their status history, the consultations — and evaluates it.</summary>
// Seam: the export evaluates the agenda as the evaluation card does.
[Seam]
public sealed class EvaluationReader(MeasureRepository measures, TimeProvider time)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Before the bot existed: "all of the history" in a filter Azure Tables accepts.
    private static readonly DateTimeOffset Beginning = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<AgendaEvaluation> ReadAsync(TenantScope tenant, string agendaId, CancellationToken cancellationToken)
    {
        var all = await measures.GetAllAsync(tenant, agendaId, cancellationToken);
        var history = all.Count == 0 ? [] : await measures.GetHistorySinceAsync(tenant, agendaId, Beginning, cancellationToken);
        var consultations = await measures.GetConsultationsAsync(tenant, agendaId, cancellationToken);
        return AgendaEvaluation.Evaluate(all, StatusChanges(history), consultations.Count, Today(time.GetUtcNow()));
    }

    /// <summary>The status changes among a measure history's rows, on the town's calendar day.</summary>
    public static IReadOnlyList<StatusChange> StatusChanges(IEnumerable<MeasureChange> history) => history
        .Where(h => h.Field == MeasureHistory.Status && Enum.TryParse<MeasureStatus>(h.After, out _))
        .Select(h => new StatusChange(h.MeasureId, Today(h.At), Enum.Parse<MeasureStatus>(h.After!)))
        .ToList();

    public static DateOnly Today(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Berlin).DateTime);
}
