using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Agendas;
using Microsoft.Extensions.Time.Testing;

namespace AgendaBot.Storage.Tests;

/// <summary>
/// Page views of a published agenda read storage at most every <see cref="PublicationStore.ReadFor"/>; publishing or
/// withdrawing on the same instance shows at once, on another instance after that time.
/// </summary>
public sealed class PublicationStoreTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    private static PublishedAgenda Version(string title, DateTimeOffset at) =>
        PublishedAgenda.Of(Agenda.Create("agenda-1", title, new TeamsUser("aad-lead", "Lead"), null, null, null, at), [], at);

    [Fact]
    public async Task A_page_view_within_the_read_time_shows_what_was_read_without_asking_storage()
    {
        var here = new PublicationStore(TestStorage.Tables, clock);
        var elsewhere = new PublicationStore(TestStorage.Tables, clock);
        var published = await here.PublishAsync(tenant, "agenda-1", Version("Erste Fassung", clock.GetUtcNow()));
        Assert.Equal("Erste Fassung", (await here.GetForPageAsync(published.PublicId))!.Version!.Title);
        Assert.Equal("Erste Fassung", (await elsewhere.GetForPageAsync(published.PublicId))!.Version!.Title);

        await here.PublishAsync(tenant, "agenda-1", Version("Zweite Fassung", clock.GetUtcNow()));

        Assert.Equal("Zweite Fassung", (await here.GetForPageAsync(published.PublicId))!.Version!.Title);
        Assert.Equal("Erste Fassung", (await elsewhere.GetForPageAsync(published.PublicId))!.Version!.Title);
        clock.Advance(PublicationStore.ReadFor + TimeSpan.FromSeconds(1));
        Assert.Equal("Zweite Fassung", (await elsewhere.GetForPageAsync(published.PublicId))!.Version!.Title);
    }

    [Fact]
    public async Task Withdrawing_takes_the_pages_down_at_once_on_the_same_instance()
    {
        var store = new PublicationStore(TestStorage.Tables, clock);
        var published = await store.PublishAsync(tenant, "agenda-1", Version("Fassung", clock.GetUtcNow()));
        Assert.True((await store.GetForPageAsync(published.PublicId))!.IsPublic);

        Assert.True(await store.WithdrawAsync(tenant, "agenda-1", clock.GetUtcNow()));

        var gone = await store.GetForPageAsync(published.PublicId);
        Assert.False(gone!.IsPublic);
        Assert.Null(gone.Version);
        Assert.NotNull(gone.WithdrawnAt);
    }
}
