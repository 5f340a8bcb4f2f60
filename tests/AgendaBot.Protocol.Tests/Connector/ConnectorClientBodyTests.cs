using System.Text.Json.Nodes;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;
using AgendaBot.Testing;

namespace AgendaBot.Protocol.Tests.Connector;

/// <summary>What the connector receives is camelCase JSON without nulls; what it answers is read back into the models.</summary>
public sealed class ConnectorClientBodyTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private RecordingConnector teams = null!;
    private ConnectorClient connector = null!;

    public async Task InitializeAsync()
    {
        teams = await RecordingConnector.StartAsync();
        connector = new ConnectorClient(http);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await teams.DisposeAsync();
    }

    [Fact]
    public async Task An_activity_is_sent_as_camelCase_JSON_without_null_fields()
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            TextFormat = "markdown",
            Text = "**Agenda** for Friday",
            Recipient = new ChannelAccount { Id = "29:anna", AadObjectId = "a0000000-0000-0000-0000-000000000001" },
        };

        await connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", reply);

        var body = Assert.Single(teams.Calls).Body!.AsObject();
        Assert.Equal(
            ["recipient", "text", "textFormat", "type"],
            body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("a0000000-0000-0000-0000-000000000001", body["recipient"]?["aadObjectId"]?.GetValue<string>());
        Assert.DoesNotContain(body["recipient"]!.AsObject(), p => p.Value is null);
    }

    [Fact]
    public async Task A_reply_names_the_activity_it_answers_in_its_body()
    {
        await connector.ReplyToActivityAsync(teams.ServiceUrl, "a:personal-chat", "1:1AbC", new Activity { Text = "Sure" });

        Assert.Equal("1:1AbC", Assert.Single(teams.Calls).Body?["replyToId"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_update_carries_the_id_of_the_activity_it_replaces()
    {
        await connector.UpdateActivityAsync(teams.ServiceUrl, "a:personal-chat", "1714642299999", new Activity { Text = "Edited" });

        Assert.Equal("1714642299999", Assert.Single(teams.Calls).Body?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_id_the_connector_gives_a_sent_activity_is_returned()
    {
        teams.AnswerNextWith(201, """{"id":"1714642300000"}""");

        var sent = await connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", new Activity { Text = "Hi" });

        Assert.Equal("1714642300000", sent.Id);
    }

    [Fact]
    public async Task A_success_without_a_body_gives_an_empty_response()
    {
        teams.AnswerNextWith(200);

        var sent = await connector.SendToConversationAsync(teams.ServiceUrl, "a:personal-chat", new Activity { Text = "Hi" });

        Assert.Null(sent.Id);
    }

    [Fact]
    public async Task Creating_a_one_to_one_chat_sends_the_bot_the_member_and_the_tenant()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:agendabot" },
            Members = [new ChannelAccount { Id = "29:anna" }],
            TenantId = "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
        };

        await connector.CreateConversationAsync(teams.ServiceUrl, parameters);

        var expected = JsonNode.Parse("""
            {
              "isGroup": false,
              "bot": { "id": "28:agendabot" },
              "members": [ { "id": "29:anna" } ],
              "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d"
            }
            """);
        JsonAssert.Equivalent(expected, Assert.Single(teams.Calls).Body);
    }

    [Fact]
    public async Task Creating_a_conversation_returns_its_id_and_the_first_activitys_id()
    {
        teams.AnswerNextWith(201, """{"id":"19:workshop@thread.tacv2;messageid=1714642300000","activityId":"1714642300000"}""");

        var created = await connector.CreateConversationAsync(teams.ServiceUrl, new ConversationParameters { IsGroup = true });

        Assert.Equal("19:workshop@thread.tacv2;messageid=1714642300000", created.Id);
        Assert.Equal("1714642300000", created.ActivityId);
    }

    [Fact]
    public async Task Members_are_read_with_their_Teams_details_and_unknown_fields_kept()
    {
        teams.AnswerNextWith(200, """
            [
              {
                "id": "29:1AbCdEf",
                "name": "Anna Schulz",
                "aadObjectId": "a0000000-0000-0000-0000-000000000001",
                "email": "anna.schulz@contoso.example",
                "userPrincipalName": "anna.schulz@contoso.example",
                "givenName": "Anna",
                "surname": "Schulz",
                "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
                "userRole": "user",
                "objectId": "a0000000-0000-0000-0000-000000000001"
              }
            ]
            """);

        var members = await connector.GetConversationMembersAsync(teams.ServiceUrl, "a:personal-chat");

        var anna = Assert.Single(members);
        Assert.Equal("a0000000-0000-0000-0000-000000000001", anna.AadObjectId);
        Assert.Equal("anna.schulz@contoso.example", anna.UserPrincipalName);
        Assert.Equal("user", anna.UserRole);
        Assert.True(anna.Extra?.ContainsKey("objectId"));
    }

    [Fact]
    public async Task A_page_of_members_brings_the_token_for_the_next_page()
    {
        teams.AnswerNextWith(200, """{"continuationToken":"page-2","members":[{"id":"29:anna"},{"id":"29:jonas"}]}""");

        var page = await connector.GetConversationPagedMembersAsync(teams.ServiceUrl, "a:personal-chat");

        Assert.Equal("page-2", page.ContinuationToken);
        Assert.Equal(["29:anna", "29:jonas"], page.Members.Select(m => m.Id));
    }
}
