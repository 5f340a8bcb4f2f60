using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.LoadDriver;

/// <summary>
/// Public pages beside their floor: a published agenda's start page and one measure page, fetched by many browsers at
/// once (a link in the local newspaper), against the floor bot answering the same number of bytes from memory.
/// The agenda is published straight into storage, as the lead's click would: 20 measures with milestones and indicators.
/// </summary>
internal sealed class PageLevel(HttpClient http)
{
    public static async Task<string> PublishAsync(string connectionString)
    {
        var at = DateTimeOffset.UtcNow;
        var agenda = Agenda.Create("bench-agenda", "Digitale Agenda Benchstadt", new TeamsUser("aad-bench-lead", "Lead"), null, null, null, at);
        var measures = Enumerable.Range(1, 20).Select(i => new Measure
        {
            Id = $"m{i}", AgendaId = agenda.Id, Title = $"Maßnahme {i}: Online-Terminvergabe im Bürgerbüro, Teil {i}",
            Description = "Bürgerinnen und Bürger buchen Termine online; das Bürgerbüro plant seine Schalter danach.",
            Start = new DateOnly(2027, 1, 1).AddMonths(i % 12), End = new DateOnly(2027, 12, 31), Priority = i,
            Status = (MeasureStatus)(i % 5), Progress = i * 5 % 100, UpdatedAt = at,
            Milestones = [new Milestone("Ausschreibung", new DateOnly(2027, 3, 31)), new Milestone("Start", new DateOnly(2027, 6, 30))],
            Indicators = [new Indicator("Online gebuchte Termine", "Prozent", 0, 60, i)],
        }).ToList();
        var store = new PublicationStore(new StorageTables(new StorageOptions { ConnectionString = connectionString }), TimeProvider.System);
        var published = await store.PublishAsync(new TenantScope("tenant-bench-pages"), agenda.Id, PublishedAgenda.Of(agenda, measures, at));
        return published.PublicId;
    }

    public async Task<long> BytesAsync(Uri address) => (await http.GetByteArrayAsync(address)).LongLength;

    public Task<LevelResult> RunAsync(Uri address, int connections, TimeSpan warmUp, TimeSpan duration) =>
        ClosedLoop.RunAsync(connections, warmUp, duration, async (_, _) =>
        {
            try
            {
                using var response = await http.GetAsync(address, HttpCompletionOption.ResponseContentRead);
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        });
}
