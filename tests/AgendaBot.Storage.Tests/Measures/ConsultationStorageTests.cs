using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Storage.Tests.Measures;

public sealed class ConsultationStorageTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly MeasureRepository measures = new(TestStorage.Tables);

    [Fact]
    public async Task Consultations_read_back_as_logged()
    {
        var visit = ConsultationEntry.Create("consult-1", "Ludwigslust", new DateOnly(2026, 5, 20), "Austausch zur Bürger-App", People.Lead);
        var call = ConsultationEntry.Create("consult-2", "Boizenburg", new DateOnly(2026, 6, 3), "Telefonat zu WLAN", People.Alice);

        await measures.AddConsultationAsync(tenant, SampleMeasure.AgendaId, visit);
        await measures.AddConsultationAsync(tenant, SampleMeasure.AgendaId, call);

        Assert.Equal([visit, call], await measures.GetConsultationsAsync(tenant, SampleMeasure.AgendaId));
    }
}
