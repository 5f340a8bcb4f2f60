using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Consultations;

/// <summary>
/// "Konsultation speichern": the consultation is stored under the agenda and the form is replaced by what was saved.
/// The click's activity id is the entry's id, so a click Teams delivers twice is one consultation.
/// </summary>
public sealed class RecordConsultation(ConsultationRights rights, MeasureRepository measures, TimeProvider time) : ICardActionHandler<ConsultationData>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public async Task<CardActionResult> HandleAsync(TurnContext turn, ConsultationData input, CancellationToken cancellationToken)
    {
        var agenda = await rights.RequireFromCardAsync(turn, input.AgendaId, cancellationToken);
        if (Missing(input, turn.Texts) is { } missing)
        {
            return new CardActionResult.Message(missing);
        }

        var today = Today(time.GetUtcNow());
        if (!DateOnly.TryParseExact(input.Date!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.ConsultationDateInvalid]);
        }

        if (date > today)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.ConsultationDateInFuture, date.ToString("d", turn.Texts.Culture)));
        }

        // The form offers the agenda's measures; an id it did not offer is a tampered payload.
        var all = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        var named = input.MeasureIds();
        if (named.Any(id => all.All(m => m.Id != id)))
        {
            throw new DomainException(DomainErrorCode.InvalidValue, "measure");
        }

        var id = turn.Activity.Id is { Length: > 0 } activity ? activity : Guid.NewGuid().ToString("N");
        var entry = ConsultationEntry.Record(id, input.Partner!.Trim(), date, input.Note!.Trim(), named, input.MaterialShared, turn.User, today);
        await measures.AddConsultationAsync(turn.Tenant, agenda.Id, entry, cancellationToken);
        var total = (await measures.GetConsultationsAsync(turn.Tenant, agenda.Id, cancellationToken)).Count;
        return new CardActionResult.ReplaceCard(ConsultationCards.Saved(entry, all, total, turn.Texts));
    }

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime);

    // Teams checks required inputs before sending; a client that does not (or a forged click) gets the field named.
    private static string? Missing(ConsultationData input, Texts texts) =>
        string.IsNullOrWhiteSpace(input.Partner) ? texts[TextKey.ConsultationPartnerMissing]
        : string.IsNullOrWhiteSpace(input.Date) ? texts[TextKey.ConsultationDateInvalid]
        : string.IsNullOrWhiteSpace(input.Note) ? texts[TextKey.ConsultationNoteMissing]
        : null;
}
