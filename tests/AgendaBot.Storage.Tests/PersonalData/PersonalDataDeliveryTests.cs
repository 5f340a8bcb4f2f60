using System.Text.Json.Nodes;
using AgendaBot.Storage.Delivery;
using AgendaBot.Storage.PersonalData;
using AgendaBot.Storage.Tests.Delivery;

namespace AgendaBot.Storage.Tests.PersonalData;

/// <summary>What delivery keeps about posts to a person's personal chat, and the tenant's export files.</summary>
public sealed class PersonalDataDeliveryTests
{
    private readonly PersonalDataService personalData = new(TestStorage.Tables, TestDelivery.Storage);
    private readonly ParkedPosts parked = new(TestDelivery.Storage);
    private readonly DeliveryLedger ledger = new(TestDelivery.Storage);

    [Fact]
    public async Task A_parked_personal_post_is_in_the_export_and_gone_after_erasure()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);
        await personalData.EraseAsync(tenant, Town.Alice.Id);

        var exported = Rows(export, TestDelivery.Storage.Parked.Name);
        Assert.Contains(exported, r => r["Key"]!.GetValue<string>() == "remind|m-alice");
        Assert.Equal(["message-3"], (await parked.ListAsync(tenant)).Select(p => p.MessageId));
    }

    [Fact]
    public async Task Export_summarises_a_parked_post_without_the_message_it_held()
    {
        var tenant = await Town.ArrangeAsync();

        var export = await personalData.ExportAsync(tenant, Town.Alice.Id);

        var post = Rows(export, TestDelivery.Storage.Parked.Name).Single(r => r["Key"]!.GetValue<string>() == "remind|m-alice");
        Assert.Equal(["ParkedAt", "Reason", "Attempts", "ConversationId", "Key"], post.Select(p => p.Key));
        Assert.Equal("404 ConversationNotFound (attempt 1)", post["Reason"]!.GetValue<string>());
        Assert.DoesNotContain("Hallo", export.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_parked_before_posts_named_their_person_is_found_by_the_personal_chat()
    {
        var tenant = await Town.ArrangeAsync();

        var exported = Rows(await personalData.ExportAsync(tenant, Town.Alice.Id), TestDelivery.Storage.Parked.Name);
        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Contains(exported, r => r["Key"]!.GetValue<string>() == "weekly|before");
        Assert.DoesNotContain(await parked.ListAsync(tenant), p => p.MessageId == "message-2");
    }

    [Fact]
    public async Task The_record_that_a_post_went_to_the_person_is_in_the_export_and_gone_after_erasure()
    {
        var tenant = await Town.ArrangeAsync();

        var exported = Rows(await personalData.ExportAsync(tenant, Town.Alice.Id), TestDelivery.Storage.Outbox.Name);
        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Contains(exported, r => r["Key"]?.GetValue<string>() == Town.DraftToAliceKey);
        Assert.False((await ledger.GetSentAsync(tenant, Town.DraftToAliceKey)).Sent);
    }

    [Fact]
    public async Task The_block_of_the_persons_chat_is_in_the_export_and_gone_after_erasure()
    {
        var tenant = await Town.ArrangeAsync();

        var exported = Rows(await personalData.ExportAsync(tenant, Town.Alice.Id), TestDelivery.Storage.Outbox.Name);
        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Contains(exported, r => r["RowKey"]!.GetValue<string>() == Keys.BlockedRow(Town.AliceChat));
        Assert.Null(await ledger.GetBlockAsync(tenant, Town.AliceChat));
    }

    [Fact]
    public async Task Erasure_deletes_the_tenants_export_files_which_may_name_the_person()
    {
        var tenant = await Town.ArrangeAsync();

        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.DoesNotContain(await TenantRows.AllAsync(tenant), r => r.Table == TestStorage.Tables.Exports.Name);
    }

    [Fact]
    public async Task Erasing_twice_finds_nothing_the_second_time()
    {
        var tenant = await Town.ArrangeAsync();
        await personalData.EraseAsync(tenant, Town.Alice.Id);

        Assert.Equal(0, await personalData.EraseAsync(tenant, Town.Alice.Id));
    }

    private static List<JsonObject> Rows(JsonObject export, string table) => export[table]!.AsArray().Select(r => r!.AsObject()).ToList();
}
