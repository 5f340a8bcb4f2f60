using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.PersonalData;

public sealed class PersonalDataIsolationTests
{
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);

    [Fact]
    public async Task Erasure_leaves_the_persons_data_in_another_tenant_untouched()
    {
        var tenant = await Town.ArrangeAsync();
        var elsewhere = await Town.ArrangeAsync();
        var before = (await personalData.ExportAsync(elsewhere, Town.Alice.Id)).ToJsonString();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Equal(before, (await personalData.ExportAsync(elsewhere, Town.Alice.Id)).ToJsonString());
    }

    [Fact]
    public async Task Erasure_leaves_another_tenant_entirely_unchanged()
    {
        var tenant = await Town.ArrangeAsync();
        var elsewhere = await Town.ArrangeAsync();
        var before = await SnapshotAsync(elsewhere);

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Equal(before, await SnapshotAsync(elsewhere));
    }

    [Fact]
    public async Task Erasure_leaves_another_persons_data_untouched()
    {
        var tenant = await Town.ArrangeAsync();
        var before = (await personalData.ExportAsync(tenant, Town.Bob.Id)).ToJsonString();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Equal(WithoutAlice(before), WithoutAlice((await personalData.ExportAsync(tenant, Town.Bob.Id)).ToJsonString()));
    }

    // Only where Bob's row named Alice: the plan line the bot wrote for him loses her id and name, in the text too (and
    // the row's write time changes with it).
    private static string WithoutAlice(string export)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(export)!.AsObject();
        foreach (var row in json.Select(p => p.Value).OfType<System.Text.Json.Nodes.JsonArray>().SelectMany(a => a).OfType<System.Text.Json.Nodes.JsonObject>())
        {
            if (row["Text"]?.GetValue<string>().StartsWith("Plan: ", StringComparison.Ordinal) == true)
            {
                row.Remove("Timestamp");
                row.Remove("MentionedId");
                row.Remove("MentionedName");
                row["Text"] = row["Text"]!.GetValue<string>().Replace(Town.Alice.Name, "–", StringComparison.Ordinal);
            }
        }

        return json.ToJsonString();
    }

    [Fact]
    public async Task Erasure_leaves_another_tenants_drafts_delivery_rows_and_export_files_unchanged()
    {
        var tenant = await Town.ArrangeAsync();
        var elsewhere = await Town.ArrangeAsync();
        var before = await SnapshotAsync(elsewhere);

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        var after = await SnapshotAsync(elsewhere);
        Assert.Equal(before, after);
        Assert.Contains(after, row => row.Contains(Keys.CommentRoundRow(Town.BobsDraft), StringComparison.Ordinal));
        Assert.Contains(after, row => row.StartsWith(TestDelivery.Storage.Parked.Name, StringComparison.Ordinal));
        Assert.Contains(after, row => row.Contains(Keys.PostRow(Town.DraftToAliceKey), StringComparison.Ordinal));
        Assert.Contains(after, row => row.StartsWith(TestStorage.Tables.Exports.Name, StringComparison.Ordinal));
    }

    // Each row by table and key with its ETag: any write changes the ETag.
    private static async Task<List<string>> SnapshotAsync(TenantScope tenant) =>
        (await TenantRows.AllAsync(tenant)).Select(r => $"{r.Table} {r.Row.PartitionKey} {r.Row.RowKey} {r.Row.ETag}").ToList();
}
