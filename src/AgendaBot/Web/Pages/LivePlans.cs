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

    private readonly RecentReads<(PublishedAgenda Shown, PublishedAgenda Of, long Names)> read = new(time);

    public async Task<PublishedAgenda> ShownAsync(Publication publication, PublishedAgenda version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        // A withdrawn agreement on this instance shows at once, not after the read's life; a new version at once too.
        var namesSeen = names.Changes;
        var shown = await read.GetAsync(publication.PublicId, async () =>
        {
            var now = time.GetUtcNow();
            var tenant = new TenantScope(publication.TenantId);
            IReadOnlyList<Measure> current = await measures.GetAllAsync(tenant, publication.AgendaId, cancellationToken);
            // Names only of those who agreed, decided now: an agreement withdrawn or a person erased leaves the pages within this read's life.
            var drawn = version.WithResponsible(current, await names.AllAsync(tenant, cancellationToken));
            if (publication.LiveStatus)
            {
                drawn = drawn.WithLiveStatus(current, now, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Berlin).DateTime));
            }

            return (drawn, version, namesSeen);
        }, known => ReferenceEquals(known.Of, version) && known.Names == namesSeen);
        return shown.Shown;
    }
}
