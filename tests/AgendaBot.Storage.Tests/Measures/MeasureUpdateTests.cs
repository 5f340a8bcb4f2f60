using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Storage.Tests.Measures;

public sealed class MeasureUpdateTests
{
    private static readonly DateTimeOffset Tuesday = People.Monday.AddDays(1);
    private static readonly DateTimeOffset Wednesday = People.Monday.AddDays(2);

    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly MeasureRepository measures = new(TestStorage.Tables);

    [Fact]
    public async Task An_update_is_stored()
    {
        var created = await CreateAsync();

        await measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Delayed }, People.Alice, Tuesday);

        var stored = await ReadAsync();
        Assert.Equal(MeasureStatus.Delayed, stored.Value.Status);
        Assert.Equal(Tuesday, stored.Value.UpdatedAt);
    }

    [Fact]
    public async Task Each_changed_field_writes_one_history_row_with_who_and_when()
    {
        var created = await CreateAsync();

        await measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Delayed, Progress = 50 }, People.Alice, Tuesday);

        var changes = (await HistoryAsync()).Where(c => c.At == Tuesday).OrderBy(c => c.Field, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                new MeasureChange(created.Value.Id, People.Alice, Tuesday, "progress", "35", "50"),
                new MeasureChange(created.Value.Id, People.Alice, Tuesday, "status", "InProgress", "Delayed"),
            ],
            changes);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_history()
    {
        var created = await CreateAsync();

        await measures.UpdateAsync(tenant, created, created.Value, People.Alice, Tuesday);

        Assert.DoesNotContain(await HistoryAsync(), c => c.At == Tuesday);
    }

    [Fact]
    public async Task History_lists_the_newest_change_first()
    {
        var created = await CreateAsync();
        var afterTuesday = await measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Delayed }, People.Alice, Tuesday);

        await measures.UpdateAsync(tenant, afterTuesday, afterTuesday.Value with { Progress = 80 }, People.Bob, Wednesday);

        Assert.Equal(["progress", "status", "created"], (await HistoryAsync()).Select(c => c.Field));
    }

    [Fact]
    public async Task Stale_measure_update_is_refused_with_a_conflict()
    {
        var created = await CreateAsync();
        await measures.UpdateAsync(tenant, created, created.Value with { Progress = 50 }, People.Alice, Tuesday);

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Dropped }, People.Bob, Wednesday));

        Assert.Equal(DomainErrorCode.Conflict, error.Code);
    }

    [Fact]
    public async Task Stale_measure_update_is_refused_and_leaves_no_history()
    {
        var created = await CreateAsync();
        await measures.UpdateAsync(tenant, created, created.Value with { Progress = 50 }, People.Alice, Tuesday);

        await Assert.ThrowsAsync<DomainException>(() =>
            measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Dropped }, People.Bob, Wednesday));

        Assert.Equal(["progress", "created"], (await HistoryAsync()).Select(c => c.Field));
    }

    [Fact]
    public async Task Stale_measure_update_leaves_the_measure_unchanged()
    {
        var created = await CreateAsync();
        await measures.UpdateAsync(tenant, created, created.Value with { Progress = 50 }, People.Alice, Tuesday);

        await Assert.ThrowsAsync<DomainException>(() =>
            measures.UpdateAsync(tenant, created, created.Value with { Status = MeasureStatus.Dropped }, People.Bob, Wednesday));

        var stored = (await ReadAsync()).Value;
        Assert.Equal((MeasureStatus.InProgress, 50, Tuesday), (stored.Status, stored.Progress, stored.UpdatedAt));
    }

    [Fact]
    public async Task An_update_that_breaks_a_rule_is_refused_before_anything_is_written()
    {
        var created = await CreateAsync();

        await Assert.ThrowsAsync<DomainException>(() =>
            measures.UpdateAsync(tenant, created, created.Value with { Progress = 120 }, People.Alice, Tuesday));

        Assert.Equal(35, (await ReadAsync()).Value.Progress);
        Assert.Equal(["created"], (await HistoryAsync()).Select(c => c.Field));
    }

    private Task<Versioned<Measure>> CreateAsync() =>
        measures.CreateAsync(tenant, SampleMeasure.WithEveryField(), People.Lead, People.Monday);

    private async Task<Versioned<Measure>> ReadAsync() =>
        await measures.GetAsync(tenant, SampleMeasure.AgendaId, SampleMeasure.WithEveryField().Id)
        ?? throw new InvalidOperationException("The measure is gone.");

    private Task<IReadOnlyList<MeasureChange>> HistoryAsync() =>
        measures.GetHistoryAsync(tenant, SampleMeasure.AgendaId, SampleMeasure.WithEveryField().Id);
}
