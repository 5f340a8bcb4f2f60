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
    public async Task An_owner_change_keeps_the_names_of_the_old_and_the_new_owner()
    {
        await HandOverFromBobToAliceAsync();

        var handover = Assert.Single(await HistoryAsync(), c => c.Field == "owner");
        Assert.Equal((People.Bob.Name, People.Alice.Name), (handover.BeforeName, handover.AfterName));
    }

    [Fact]
    public async Task Erasure_removes_the_persons_name_from_owner_changes_and_keeps_the_others()
    {
        await HandOverFromBobToAliceAsync();

        await personalData.EraseAsync(tenant, People.Alice.Id);

        var handover = Assert.Single(await HistoryAsync(), c => c.Field == "owner");
        Assert.Equal((People.Bob.Name, null), (handover.BeforeName, handover.AfterName));
    }

    [Fact]
    public async Task Export_holds_an_owner_change_by_someone_else_with_only_the_persons_id_and_name()
    {
        await HandOverFromBobToAliceAsync();

        var export = await personalData.ExportAsync(tenant, People.Alice.Id);

        var handover = Assert.Single(export[TestStorage.Tables.Measures.Name]!.AsArray(), r => r!["Field"]?.GetValue<string>() == "owner")!;
        Assert.Equal((People.Alice.Id, People.Alice.Name), (handover["After"]?.GetValue<string>(), handover["AfterName"]?.GetValue<string>()));
        Assert.DoesNotContain("Bob", handover.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(People.Bob.Id, handover.ToJsonString(), StringComparison.Ordinal);
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
