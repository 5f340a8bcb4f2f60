using AgendaBot.Domain.People;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Tests.Conversations;

public sealed class ConversationReferenceTests
{
    private readonly TenantScope tenant = TestStorage.NewTenant();
    private readonly ConversationReferenceRepository references = new(TestStorage.Tables);

    [Fact]
    public async Task A_saved_channel_reference_reads_back_with_every_field()
    {
        var channel = Reference(tenant, "19:general@thread.tacv2", "channel", userId: null) with { TeamId = "team-1", ChannelId = "19:general" };
        await references.SaveAsync(channel);

        Assert.Equal(channel, await references.GetAsync(tenant, channel.ConversationId));
    }

    [Fact]
    public async Task Saving_again_keeps_the_newest_service_url()
    {
        var first = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(first);

        await references.SaveAsync(first with { ServiceUrl = "https://smba.trafficmanager.net/emea/", UpdatedAt = People.Monday.AddDays(1) });

        Assert.Equal("https://smba.trafficmanager.net/emea/", (await references.GetAsync(tenant, first.ConversationId))?.ServiceUrl);
    }

    [Fact]
    public async Task An_unknown_conversation_has_no_reference()
    {
        Assert.Null(await references.GetAsync(tenant, "a:never-seen"));
    }

    [Fact]
    public async Task The_personal_chat_is_found_by_the_user()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(alice);
        await references.SaveAsync(Reference(tenant, "a:chat-bob", "personal", People.Bob.Id));

        Assert.Equal(alice, await references.FindPersonalChatAsync(tenant, People.Alice.Id));
    }

    [Fact]
    public async Task A_user_without_a_personal_chat_has_none()
    {
        await references.SaveAsync(Reference(tenant, "a:chat-bob", "personal", People.Bob.Id));

        Assert.Null(await references.FindPersonalChatAsync(tenant, People.Alice.Id));
    }

    [Fact]
    public async Task A_group_chat_is_never_taken_for_the_personal_chat()
    {
        await references.SaveAsync(Reference(tenant, "19:group@thread.v2", "groupChat", People.Alice.Id));

        Assert.Null(await references.FindPersonalChatAsync(tenant, People.Alice.Id));
    }

    [Fact]
    public async Task A_deleted_reference_is_gone()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(alice);

        await references.DeleteAsync(tenant, alice.ConversationId);

        Assert.Null(await references.GetAsync(tenant, alice.ConversationId));
    }

    [Fact]
    public async Task Another_tenant_cannot_read_the_reference()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(alice);

        Assert.Null(await references.GetAsync(TestStorage.NewTenant(), alice.ConversationId));
    }

    [Fact]
    public async Task Another_tenant_does_not_find_the_personal_chat()
    {
        await references.SaveAsync(Reference(tenant, "a:chat-alice", "personal", People.Alice.Id));

        Assert.Null(await references.FindPersonalChatAsync(TestStorage.NewTenant(), People.Alice.Id));
    }

    [Fact]
    public async Task The_same_conversation_id_in_two_tenants_keeps_two_references()
    {
        var other = TestStorage.NewTenant();
        await references.SaveAsync(Reference(tenant, "a:chat", "personal", People.Alice.Id));
        await references.SaveAsync(Reference(other, "a:chat", "personal", People.Bob.Id));

        Assert.Equal(People.Alice.Id, (await references.GetAsync(tenant, "a:chat"))?.UserId);
        Assert.Equal(People.Bob.Id, (await references.GetAsync(other, "a:chat"))?.UserId);
    }

    [Fact]
    public async Task The_language_of_a_personal_chat_reads_back()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id) with { Language = "en" };
        await references.SaveAsync(alice);

        Assert.Equal("en", (await references.FindPersonalChatAsync(tenant, People.Alice.Id))?.Language);
    }

    [Fact]
    public async Task A_row_stored_before_languages_were_remembered_reads_as_unknown()
    {
        // What the bot wrote before it remembered languages: the same columns, no Language.
        await TestStorage.Tables.Conversations.UpsertEntityAsync(new TableEntity(Keys.TenantPartition(tenant.TenantId), Keys.ConversationRow("a:chat-old"))
        {
            ["ConversationId"] = "a:chat-old", ["ServiceUrl"] = "https://smba.trafficmanager.net/de/", ["BotId"] = "28:agendabot",
            ["ConversationType"] = "personal", ["UpdatedAt"] = People.Monday, ["PersonId"] = People.Alice.Id,
        });

        var old = await references.FindPersonalChatAsync(tenant, People.Alice.Id);

        Assert.NotNull(old);
        Assert.Null(old.Language);
    }

    [Fact]
    public async Task Saving_again_without_a_language_keeps_the_one_stored()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(alice with { Language = "en" });

        await references.SaveAsync(alice with { ServiceUrl = "https://smba.trafficmanager.net/emea/" });

        var saved = await references.GetAsync(tenant, alice.ConversationId);
        Assert.Equal(("en", "https://smba.trafficmanager.net/emea/"), (saved?.Language, saved?.ServiceUrl));
    }

    [Fact]
    public async Task Writing_in_another_language_changes_the_stored_one()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id) with { Language = "de" };
        await references.SaveAsync(alice);

        Assert.True(await references.UpdateLanguageAsync(tenant, alice.ConversationId, "en"));
        Assert.False(await references.UpdateLanguageAsync(tenant, alice.ConversationId, "en"));

        Assert.Equal(alice with { Language = "en" }, await references.GetAsync(tenant, alice.ConversationId));
    }

    [Fact]
    public async Task A_language_update_does_not_bring_back_an_erased_chat()
    {
        var alice = Reference(tenant, "a:chat-alice", "personal", People.Alice.Id);
        await references.SaveAsync(alice);
        await references.DeleteAsync(tenant, alice.ConversationId);

        Assert.False(await references.UpdateLanguageAsync(tenant, alice.ConversationId, "en"));

        Assert.Null(await references.GetAsync(tenant, alice.ConversationId));
    }

    [Fact]
    public async Task The_export_of_personal_data_shows_the_language_of_the_personal_chat()
    {
        await references.SaveAsync(Reference(tenant, "a:chat-alice", "personal", People.Alice.Id) with { Language = "en" });

        var export = await new PersonalDataService(TestStorage.Tables, Delivery.TestDelivery.Storage).ExportAsync(tenant, People.Alice.Id);

        var row = Assert.Single(export[TestStorage.Tables.Conversations.Name]!.AsArray());
        Assert.Equal("en", row!["Language"]?.GetValue<string>());
    }

    private static ConversationReference Reference(TenantScope tenant, string conversationId, string type, string? userId) =>
        new(tenant.TenantId, conversationId, "https://smba.trafficmanager.net/de/", "28:agendabot", type,
            TeamId: null, ChannelId: null, userId, People.Monday);
}
