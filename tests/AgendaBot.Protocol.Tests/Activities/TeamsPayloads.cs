namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>Activities as Teams sends them to a bot, including fields this bot does not model.</summary>
internal static class TeamsPayloads
{
    public const string TenantId = "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d";
    public const string BotId = "28:5f0c9b1e-agendabot-app-id";

    /// <summary>A channel message that @mentions the bot and a colleague, over two lines.</summary>
    public const string ChannelMessage = """
        {
          "text": "<at>AgendaBot</at> add <at>Jonas Weber</at> to the agenda\nBudget 2025",
          "textFormat": "plain",
          "attachments": [
            {
              "contentType": "text/html",
              "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">AgendaBot</span> add <span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"1\">Jonas Weber</span> to the agenda</div><div>Budget 2025</div></div>"
            }
          ],
          "type": "message",
          "timestamp": "2024-05-02T09:30:12.3456789Z",
          "localTimestamp": "2024-05-02T11:30:12.3456789+02:00",
          "id": "1714642212345",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": {
            "id": "29:1AbCdEfGhIjKlMnOp",
            "name": "Anna Schulz",
            "aadObjectId": "a0000000-0000-0000-0000-000000000001"
          },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
            "id": "19:workshop@thread.tacv2;messageid=1714642212345"
          },
          "recipient": { "id": "28:5f0c9b1e-agendabot-app-id", "name": "AgendaBot" },
          "entities": [
            {
              "mentioned": { "id": "28:5f0c9b1e-agendabot-app-id", "name": "AgendaBot" },
              "text": "<at>AgendaBot</at>",
              "type": "mention"
            },
            {
              "mentioned": { "id": "29:2JonasWeber", "name": "Jonas Weber", "aadObjectId": "a0000000-0000-0000-0000-000000000002" },
              "text": "<at>Jonas Weber</at>",
              "type": "mention"
            },
            { "locale": "de-DE", "country": "DE", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" }
          ],
          "channelData": {
            "teamsChannelId": "19:workshop@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": { "id": "19:workshop@thread.tacv2" },
            "team": { "id": "19:team@thread.tacv2" },
            "tenant": { "id": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d" }
          },
          "locale": "de-DE",
          "localTimezone": "Europe/Berlin",
          "aFieldFromTheFuture": { "nested": [1, 2.50, true, null, "text"] }
        }
        """;

    /// <summary>An <c>Action.Execute</c> click on a card in a personal chat.</summary>
    public const string CardActionInvoke = """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2024-05-02T09:31:00.000Z",
          "localTimestamp": "2024-05-02T05:31:00.000-04:00",
          "id": "f:7c4a1b2e-2f51-4a11-9d55-6b7d4c1e2a33",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": {
            "id": "29:1AbCdEfGhIjKlMnOp",
            "name": "Anna Schulz",
            "aadObjectId": "a0000000-0000-0000-0000-000000000001"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
            "id": "a:1Xyz-personal-chat"
          },
          "recipient": { "id": "28:5f0c9b1e-agendabot-app-id", "name": "AgendaBot" },
          "entities": [
            { "locale": "en-US", "country": "US", "platform": "Windows", "timezone": "America/New_York", "type": "clientInfo" }
          ],
          "channelData": {
            "tenant": { "id": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d" },
            "source": { "name": "message" },
            "legacy": { "replyToId": "1:1Nx2Yz" }
          },
          "replyToId": "1714642212345",
          "value": {
            "action": {
              "type": "Action.Execute",
              "title": "Add item",
              "verb": "agenda.add",
              "data": { "title": "Budget 2025", "minutes": 15 }
            },
            "trigger": "manual"
          },
          "locale": "en-US",
          "localTimezone": "America/New_York"
        }
        """;

    /// <summary>A new channel was created in a team the bot is installed in.</summary>
    public const string ChannelCreated = """
        {
          "type": "conversationUpdate",
          "timestamp": "2024-05-02T10:00:00.5Z",
          "id": "f:3d2c1b0a-0000-4000-8000-000000000003",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1AbCdEfGhIjKlMnOp", "aadObjectId": "a0000000-0000-0000-0000-000000000001" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
            "id": "19:team@thread.tacv2"
          },
          "recipient": { "id": "28:5f0c9b1e-agendabot-app-id", "name": "AgendaBot" },
          "channelData": {
            "channel": { "id": "19:planning@thread.tacv2", "name": "Planning", "type": "standard" },
            "team": {
              "id": "19:team@thread.tacv2",
              "name": "Workshop team",
              "aadGroupId": "b0000000-0000-0000-0000-000000000010",
              "type": "standard"
            },
            "eventType": "channelCreated",
            "tenant": { "id": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d" },
            "settings": { "selectedChannel": { "id": "19:team@thread.tacv2" } }
          }
        }
        """;

    /// <summary>Someone joined a team the bot is installed in.</summary>
    public const string TeamMemberAdded = """
        {
          "membersAdded": [
            { "id": "29:2JonasWeber", "aadObjectId": "a0000000-0000-0000-0000-000000000002" }
          ],
          "type": "conversationUpdate",
          "timestamp": "2024-05-02T10:05:00Z",
          "id": "f:3d2c1b0a-0000-4000-8000-000000000004",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1AbCdEfGhIjKlMnOp", "aadObjectId": "a0000000-0000-0000-0000-000000000001" },
          "conversation": {
            "isGroup": true,
            "conversationType": "channel",
            "tenantId": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d",
            "id": "19:team@thread.tacv2"
          },
          "recipient": { "id": "28:5f0c9b1e-agendabot-app-id", "name": "AgendaBot" },
          "channelData": {
            "team": { "aadGroupId": "b0000000-0000-0000-0000-000000000010", "name": "Workshop team", "id": "19:team@thread.tacv2" },
            "eventType": "teamMemberAdded",
            "tenant": { "id": "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d" }
          }
        }
        """;
}
