using System.Text.Json;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>The typed view of what Teams sends: who wrote, where, in which tenant, team and channel.</summary>
public sealed class ActivityReadingTests
{
    private static Activity Read(string json) => JsonSerializer.Deserialize(json, ProtocolJson.Context.Activity)!;

    [Fact]
    public void A_channel_message_names_its_author_by_Entra_object_id()
    {
        var message = Read(TeamsPayloads.ChannelMessage);

        Assert.Equal("29:1AbCdEfGhIjKlMnOp", message.From?.Id);
        Assert.Equal("a0000000-0000-0000-0000-000000000001", message.From?.AadObjectId);
    }

    [Fact]
    public void A_channel_message_names_its_conversation_team_channel_and_tenant()
    {
        var message = Read(TeamsPayloads.ChannelMessage);

        Assert.Equal(ConversationTypes.Channel, message.Conversation?.ConversationType);
        Assert.Equal(TeamsPayloads.TenantId, message.TenantId);
        Assert.Equal("19:team@thread.tacv2", message.ChannelData?.Team?.Id);
        Assert.Equal("19:workshop@thread.tacv2", message.ChannelData?.Channel?.Id);
    }

    [Fact]
    public void The_tenant_is_taken_from_the_channel_data_when_the_conversation_lacks_it()
    {
        var message = Read("""
            {
              "type": "message",
              "conversation": { "id": "a:1Xyz-personal-chat" },
              "channelData": { "tenant": { "id": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d" } }
            }
            """);

        Assert.Equal(TeamsPayloads.TenantId, message.TenantId);
    }

    [Fact]
    public void Mentions_and_client_info_are_read_from_the_entities()
    {
        var message = Read(TeamsPayloads.ChannelMessage);

        var mentions = message.Entities!.Select(e => e.AsMention()).OfType<Mention>().ToList();
        var client = Assert.Single(message.Entities!.Select(e => e.AsClientInfo()).OfType<ClientInfo>());
        Assert.Equal([TeamsPayloads.BotId, "29:2JonasWeber"], mentions.Select(m => m.Mentioned.Id));
        Assert.Equal(new ClientInfo("de-DE", "DE", "Web", "Europe/Berlin"), client);
    }

    [Fact]
    public void A_card_action_invoke_carries_the_verb_and_its_data()
    {
        var invoke = Read(TeamsPayloads.CardActionInvoke);

        var value = invoke.Value!.Value.Deserialize(ProtocolJson.Context.AdaptiveCardInvokeValue)!;
        Assert.Equal(InvokeNames.AdaptiveCardAction, invoke.Name);
        Assert.Equal("Action.Execute", value.Action?.Type);
        Assert.Equal("agenda.add", value.Action?.Verb);
        Assert.Equal(15, value.Action?.Data?.GetProperty("minutes").GetInt32());
    }

    [Fact]
    public void A_conversation_update_names_its_event_type()
    {
        var update = Read(TeamsPayloads.ChannelCreated);

        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("channelCreated", update.ChannelData?.EventType);
        Assert.Equal("Planning", update.ChannelData?.Channel?.Name);
    }

    [Fact]
    public void A_member_added_to_a_team_is_listed_with_the_teams_group_id()
    {
        var update = Read(TeamsPayloads.TeamMemberAdded);

        Assert.Equal("a0000000-0000-0000-0000-000000000002", Assert.Single(update.MembersAdded!).AadObjectId);
        Assert.Equal("b0000000-0000-0000-0000-000000000010", update.ChannelData?.Team?.AadGroupId);
    }

    [Fact]
    public void A_reply_goes_from_the_bot_to_the_author_in_the_same_conversation()
    {
        var message = Read(TeamsPayloads.ChannelMessage);

        var reply = message.CreateReply("Added.");

        Assert.Equal(TeamsPayloads.BotId, reply.From?.Id);
        Assert.Equal("29:1AbCdEfGhIjKlMnOp", reply.Recipient?.Id);
        Assert.Equal(message.Conversation, reply.Conversation);
        Assert.Equal("1714642212345", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reply.ServiceUrl);
    }
}
