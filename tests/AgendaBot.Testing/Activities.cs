using System.Text.Json.Nodes;

namespace AgendaBot.Testing;

/// <summary>Builders for the activities Teams sends, shaped like the real ones (ids, tenant, channel data).</summary>
public static class TeamsActivities
{
    public const string TenantId = "7d3c9a41-5b1e-4c2a-9f00-0000000a9e1d";
    public const string BotId = "28:agendabot";
    public const string BotName = "AgendaBot";

    public static JsonObject Message(string serviceUrl, string text, string locale = "de-DE", string conversationType = "personal",
        string conversationId = "a:personal-chat", string fromId = "29:anna", JsonArray? entities = null) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = "Anna Schulz", ["aadObjectId"] = "a0000000-0000-0000-0000-000000000001" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = locale,
        ["entities"] = entities ?? [new JsonObject { ["type"] = "clientInfo", ["locale"] = locale }],
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static JsonObject ChannelMention(string serviceUrl, string textAfterMention, string locale = "de-DE")
    {
        var mention = $"<at>{BotName}</at>";
        var activity = Message(serviceUrl, $"{mention} {textAfterMention}", locale, "channel",
            "19:workshop@thread.tacv2;messageid=1", entities:
            [
                new JsonObject
                {
                    ["type"] = "mention",
                    ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                    ["text"] = mention,
                },
            ]);
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JsonObject { ["id"] = "19:workshop@thread.tacv2" },
        };
        return activity;
    }

    public static JsonObject Installed(string serviceUrl, string locale = "de-DE")
    {
        var activity = Message(serviceUrl, string.Empty, locale);
        activity["type"] = "installationUpdate";
        activity["action"] = "add";
        activity.Remove("text");
        return activity;
    }

    public static JsonObject Execute(string serviceUrl, string verb, JsonNode? data = null, string locale = "de-DE")
    {
        var activity = Message(serviceUrl, string.Empty, locale);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
        };
        return activity;
    }

    public static JsonObject Submit(string serviceUrl, string verb, string replyToId, string locale = "de-DE")
    {
        var activity = Message(serviceUrl, string.Empty, locale);
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject { ["verb"] = verb };
        return activity;
    }
}
