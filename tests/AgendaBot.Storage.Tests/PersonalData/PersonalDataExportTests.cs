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
    public async Task Overview_tells_every_exported_row_as_what_it_is_for_the_person()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);
        var items = await personalData.OverviewAsync(tenant, Town.Alice.Id);

        Assert.Equal(export.Select(p => p.Value).OfType<JsonArray>().Sum(rows => rows.Count), items.Count);
        var contribution = items.First(i => i.Kind == PersonalDataKind.Contribution && i.Text!.StartsWith("Kein WLAN", StringComparison.Ordinal));
        Assert.Equal(("Verwaltung", ItemErasure.Anonymised), (contribution.Where, contribution.Erasure));
        Assert.Equal("Online-Terminvergabe", items.Single(i => i.Kind == PersonalDataKind.Comment).Measure);
        Assert.True(items.Single(i => i.Kind == PersonalDataKind.SecretVote).Secret);
        Assert.Equal(ItemErasure.Deleted, items.Single(i => i.Kind == PersonalDataKind.Registration).Erasure);
        Assert.Contains(items, i => i.Kind == PersonalDataKind.PlanLineNamingYou && i.Text is null);
        Assert.DoesNotContain(items, i => i.Text?.Contains(Town.Bob.Name, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Export_reads_lists_the_bot_stored_as_JSON_as_JSON()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        var contributions = export[TestStorage.Tables.Workshops.Name]!.AsArray().Where(row => row!["LinkedGoals"] is not null).ToList();
        Assert.NotEmpty(contributions);
        Assert.All(contributions, row => Assert.IsType<JsonArray>(row!["LinkedGoals"]));
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
