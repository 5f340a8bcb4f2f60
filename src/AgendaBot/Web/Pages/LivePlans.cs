using System.Collections.Concurrent;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Web.Pages;

/// <summary>
/// What the pages show of a publication: the version as published, naming whoever is responsible as decided now (the
/// owner if they agreed, else the unit or role), and — with the live-status switch on — each measure's status as
/// stored now; read at most <see cref="PublicationStore.ReadFor"/> ago on this instance, like the version itself.
/// </summary>
public sealed class LivePlans(MeasureRepository measures, PublicNames names, TimeProvider time)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly ConcurrentDictionary<string, (PublishedAgenda Shown, PublishedAgenda Of, long Names, DateTimeOffset Until)> read =
        new(StringComparer.Ordinal);

    public async Task<PublishedAgenda> ShownAsync(Publication publication, PublishedAgenda version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var now = time.GetUtcNow();
        // A withdrawn agreement on this instance shows at once, not after the read's life.
        var namesSeen = names.Changes;
        if (read.TryGetValue(publication.PublicId, out var known) && known.Until > now && ReferenceEquals(known.Of, version) && known.Names == namesSeen)
        {
            return known.Shown;
        }

        var tenant = new TenantScope(publication.TenantId);
        IReadOnlyList<Measure> current = await measures.GetAllAsync(tenant, publication.AgendaId, cancellationToken);
        // Names only of those who agreed, decided now: an agreement withdrawn or a person erased leaves the pages within this read's life.
        var shown = version.WithResponsible(current, await names.AllAsync(tenant, cancellationToken));
        if (publication.LiveStatus)
        {
            shown = shown.WithLiveStatus(current, now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime));
        }

        if (read.Count >= 1_000)
        {
            read.Clear();
        }

        read[publication.PublicId] = (shown, version, namesSeen, now + PublicationStore.ReadFor);
        return shown;
    }
}
