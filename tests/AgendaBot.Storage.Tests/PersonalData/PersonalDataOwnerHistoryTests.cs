using AgendaBot.Domain.Measures;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Measures;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>A measure handed over by Bob to Alice: the history row is Bob's, but it names Alice as the new owner.</summary>
public sealed class PersonalDataOwnerHistoryTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly MeasureRepository measures = new(TestStorage.Tables);
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);

    [Fact]
    public async Task Erasure_removes_the_person_from_owner_changes_made_by_someone_else()
    {
        await HandOverFromBobToAliceAsync();

        await personalData.EraseAsync(tenant, People.Alice.Id);

        var handover = Assert.Single(await HistoryAsync(), c => c.Field == "owner");
        Assert.Equal((People.Bob.Id, TeamsUser.Anonymous.Id), (handover.Before, handover.After));
    }

    [Fact]
    public async Task Erasure_keeps_who_made_the_owner_change()
    {
        await HandOverFromBobToAliceAsync();

        await personalData.EraseAsync(tenant, People.Alice.Id);

        Assert.Equal(People.Bob, Assert.Single(await HistoryAsync(), c => c.Field == "owner").ChangedBy);
    }

    private async Task HandOverFromBobToAliceAsync()
    {
        var measure = new Measure { Id = "m-wlan", AgendaId = "agenda", Title = "WLAN im Rathaus", Owner = People.Bob };
        var created = await measures.CreateAsync(tenant, measure, People.Bob, People.Monday);
        await measures.UpdateAsync(tenant, created, measure with { Owner = People.Alice }, People.Bob, People.Monday.AddDays(1));
    }

    private Task<IReadOnlyList<MeasureChange>> HistoryAsync() => measures.GetHistoryAsync(tenant, "agenda", "m-wlan");
}
