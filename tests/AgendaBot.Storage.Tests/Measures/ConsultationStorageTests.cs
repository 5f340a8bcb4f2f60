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

        Assert.Equal([Shown(visit), Shown(call)], (await measures.GetConsultationsAsync(tenant, SampleMeasure.AgendaId)).Select(Shown));
    }

    [Fact]
    public async Task A_consultation_keeps_its_measures_and_whether_material_was_shared()
    {
        var visit = ConsultationEntry.Record("consult-3", "Landkreis Ludwigslust-Parchim", new DateOnly(2026, 9, 1), "Vorlage geteilt",
            ["m-2", "m-1", "m-2"], materialShared: true, People.Lead, today: new DateOnly(2026, 9, 2));

        await measures.AddConsultationAsync(tenant, SampleMeasure.AgendaId, visit);

        var read = Assert.Single(await measures.GetConsultationsAsync(tenant, SampleMeasure.AgendaId));
        Assert.Equal(["m-2", "m-1"], read.MeasureIds);
        Assert.True(read.MaterialShared);
    }

    private static string Shown(ConsultationEntry c) =>
        $"{c.Id}|{c.Town}|{c.Date:O}|{c.Notes}|{c.LoggedBy}|{string.Join(",", c.MeasureIds)}|{c.MaterialShared}";
}
