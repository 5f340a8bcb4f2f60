using System.Text.Json.Nodes;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.PersonalData;

public sealed class PersonalDataExportTests
{
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);

    [Fact]
    public async Task Export_holds_every_row_about_the_person()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        Assert.Equal(["agenda|agenda"], RowKinds(export, TestStorage.Tables.Agendas.Name));
        Assert.Equal(
            ["ballot|round-named|user-alice", "c|000001", "c|000002", "c|000004", "p|user-alice", "round|round-named", "voted|round-anonymous|user-alice"],
            RowKinds(export, TestStorage.Tables.Workshops.Name));
        Assert.Equal(["cm|m-alice|c-alice", "cround|draft-alice", "cround|draft-bob", "h|m-alice|…", "m|m-alice"],
            RowKinds(export, TestStorage.Tables.Measures.Name));
        Assert.Equal([Town.AliceChat], RowKinds(export, TestStorage.Tables.Conversations.Name));
        Assert.Equal([Keys.BlockedRow(Town.AliceChat), Keys.PostRow(Town.DraftToAliceKey)], RowKinds(export, TestDelivery.Storage.Outbox.Name));
        Assert.Equal(2, export[TestDelivery.Storage.Parked.Name]!.AsArray().Count);
    }

    [Fact]
    public async Task Export_holds_what_the_person_wrote()
    {
        var tenant = await Town.ArrangeAsync();

        var export = (await personalData.ExportAsync(tenant, Town.Alice.Id)).ToJsonString();

        Assert.Contains($"Kein WLAN im Rathaus ({tenant.TenantId})", export, StringComparison.Ordinal);
        Assert.Contains($"Bitte auch per Telefon ({tenant.TenantId})", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_holds_nothing_of_another_person()
    {
        var tenant = await Town.ArrangeAsync();

        var export = (await personalData.ExportAsync(tenant, Town.Alice.Id)).ToJsonString();

        Assert.DoesNotContain(Town.Bob.Id, export, StringComparison.Ordinal);
        Assert.DoesNotContain(Town.Bob.Name, export, StringComparison.Ordinal);
        Assert.DoesNotContain("Parken schwer zu finden", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_holds_nothing_from_another_tenant()
    {
        var tenant = await Town.ArrangeAsync();
        var elsewhere = await Town.ArrangeAsync();

        var export = (await personalData.ExportAsync(tenant, Town.Alice.Id)).ToJsonString();

        Assert.DoesNotContain(elsewhere.TenantId, export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_someone_never_seen_is_empty()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, "user-stranger");

        Assert.All(TenantRows.Tables, table => Assert.Empty(export[table.Name]!.AsArray()));
    }

    // Row keys of one table in the export, sorted; history keys (which hold a time and a random id) cut to their measure.
    private static List<string> RowKinds(JsonObject export, string table) =>
        export[table]!.AsArray()
            .Select(row => row!["RowKey"]!.GetValue<string>())
            .Select(key => key.StartsWith("h|", StringComparison.Ordinal) ? string.Join('|', key.Split('|').Take(2)) + "|…" : key)
            .Order(StringComparer.Ordinal)
            .ToList();
}
