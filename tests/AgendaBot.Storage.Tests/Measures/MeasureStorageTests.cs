using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Storage.Tests.Measures;

public sealed class MeasureStorageTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly MeasureRepository measures = new(TestStorage.Tables);

    [Fact]
    public async Task A_created_measure_reads_back_with_every_field()
    {
        var measure = SampleMeasure.WithEveryField();
        await measures.CreateAsync(tenant, measure, People.Lead, People.Monday);

        var stored = (await measures.GetAsync(tenant, SampleMeasure.AgendaId, measure.Id))!.Value;

        Assert.Equal(measure.Id, stored.Id);
        Assert.Equal(measure.AgendaId, stored.AgendaId);
        Assert.Equal(measure.Title, stored.Title);
        Assert.Equal(measure.Description, stored.Description);
        Assert.Equal(People.Alice, stored.Owner);
        Assert.Equal(measure.Start, stored.Start);
        Assert.Equal(measure.End, stored.End);
        Assert.Equal(measure.WorkPackages, stored.WorkPackages);
        Assert.Equal(measure.Milestones, stored.Milestones);
        Assert.Equal(measure.Indicators, stored.Indicators);
        Assert.Equal(measure.Priority, stored.Priority);
        Assert.Equal(measure.NextBudgetYear, stored.NextBudgetYear);
        Assert.Equal(measure.Status, stored.Status);
        Assert.Equal(measure.Progress, stored.Progress);
        Assert.Equal(measure.SourceWorkshopId, stored.SourceWorkshopId);
        Assert.Equal(measure.SourceContribution, stored.SourceContribution);
        Assert.Equal(People.Monday, stored.UpdatedAt);
    }

    [Fact]
    public async Task A_measure_without_owner_or_dates_reads_back_without_them()
    {
        var bare = new Measure { Id = "m-bare", AgendaId = SampleMeasure.AgendaId, Title = "WLAN in der Bibliothek" };
        await measures.CreateAsync(tenant, bare, People.Lead, People.Monday);

        var stored = (await measures.GetAsync(tenant, SampleMeasure.AgendaId, bare.Id))!.Value;

        Assert.Null(stored.Owner);
        Assert.Null(stored.Start);
        Assert.Null(stored.End);
        Assert.Empty(stored.Milestones);
        Assert.Equal(MeasureStatus.Planned, stored.Status);
    }

    [Fact]
    public async Task Creating_a_measure_records_who_created_it()
    {
        var measure = SampleMeasure.WithEveryField();
        await measures.CreateAsync(tenant, measure, People.Lead, People.Monday);

        var history = await measures.GetHistoryAsync(tenant, SampleMeasure.AgendaId, measure.Id);

        var created = Assert.Single(history);
        Assert.Equal(("created", People.Lead, People.Monday), (created.Field, created.ChangedBy, created.At));
    }

    [Fact]
    public async Task Creating_a_measure_twice_is_a_conflict()
    {
        await measures.CreateAsync(tenant, SampleMeasure.WithEveryField(), People.Lead, People.Monday);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            measures.CreateAsync(tenant, SampleMeasure.WithEveryField(), People.Lead, People.Monday));

        Assert.Equal(DomainErrorCode.Conflict, error.Code);
    }

    [Fact]
    public async Task All_measures_of_an_agenda_are_listed()
    {
        await measures.CreateAsync(tenant, SampleMeasure.WithEveryField("m-1"), People.Lead, People.Monday);
        await measures.CreateAsync(tenant, SampleMeasure.WithEveryField("m-2"), People.Lead, People.Monday);

        var all = await measures.GetAllAsync(tenant, SampleMeasure.AgendaId);

        Assert.Equal(["m-1", "m-2"], all.Select(m => m.Id));
    }
}
