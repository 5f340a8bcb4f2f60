using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Web.Pages;

/// <summary>
/// What the pages show of a publication: the version as published, or — with the live-status switch on — that
/// version with each measure's status as stored now, read at most <see cref="PublicationStore.ReadFor"/> ago on this
/// instance, like the version itself.
/// </summary>
public sealed class LivePlans(MeasureRepository measures, TimeProvider time)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly ConcurrentDictionary<string, (PublishedAgenda Shown, PublishedAgenda Of, DateTimeOffset Until)> read = new(StringComparer.Ordinal);

    public async Task<PublishedAgenda> ShownAsync(Publication publication, PublishedAgenda version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        if (!publication.LiveStatus)
        {
            return version;
        }

        var now = time.GetUtcNow();
        if (read.TryGetValue(publication.PublicId, out var known) && known.Until > now && ReferenceEquals(known.Of, version))
        {
            return known.Shown;
        }

        IReadOnlyList<Measure> current = await measures.GetAllAsync(new TenantScope(publication.TenantId), publication.AgendaId, cancellationToken);
        var shown = version.WithLiveStatus(current, now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime));
        if (read.Count >= 1_000)
        {
            read.Clear();
        }

        read[publication.PublicId] = (shown, version, now + PublicationStore.ReadFor);
        return shown;
    }
}
