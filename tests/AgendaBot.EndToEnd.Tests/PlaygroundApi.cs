using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// The Playground's browser-free HTTP API: what its web UI does when a user installs the bot, types or clicks.
/// Calls act as the Playground's current user (Anna Schulz in playground/.m365agentsplayground.yml), except card
/// clicks, which any member of the mock team can make (see <see cref="ExecuteAsync"/>).
/// </summary>
internal sealed class PlaygroundApi(HttpClient http, Func<string> diagnostics)
{
    private JsonNode config = null!;

    public string BotId => Config["bot"]!["id"]!.GetValue<string>();

    public string BotName => Config["bot"]!["name"]!.GetValue<string>();

    public string UserId => Config["currentUser"]!["id"]!.GetValue<string>();

    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();

    public string TeamId => Config["teams"]![0]!["id"]!.GetValue<string>();

    private JsonNode Config => config ?? throw new InvalidOperationException("Call LoadConfigAsync first.");

    /// <summary>The mock tenant, team and chats the Playground read from its configuration file.</summary>
    public async Task LoadConfigAsync()
    {
        var answer = await SendAsync(HttpMethod.Get, "_internal/v1/testConfig");
        config = answer?["config"] ?? throw new InvalidOperationException($"testConfig has no 'config'.\n{diagnostics()}");
    }

    /// <summary>The Teams id of the current user or of one of the five other mock users, by display name.</summary>
    public string UserIdOf(string name) =>
        new[] { Config["currentUser"] }.Concat(Config["users"]!.AsArray())
            .FirstOrDefault(u => u?["name"]?.GetValue<string>() == name)?["id"]?.GetValue<string>()
        ?? throw new InvalidOperationException($"The Playground has no user '{name}'.");

    public string ChannelId(string channelName) =>
        Config["teams"]![0]!["channels"]!.AsArray().FirstOrDefault(c => c?["name"]?.GetValue<string>() == channelName)?["id"]
            ?.GetValue<string>()
        ?? throw new InvalidOperationException($"The Playground's team has no channel '{channelName}'.");

    /// <summary>Adds the bot to a chat or team: the bot receives installationUpdate (add) and conversationUpdate.</summary>
    public Task InstallAsync(string conversationId) =>
        SendAsync(HttpMethod.Post, $"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject());

    /// <summary>
    /// Posts a message as the current user; returns the conversation the bot will answer in. In a channel that is a
    /// new thread (<c>channel;messageid=…</c>). The Playground calls the bot only after this returns.
    /// Only the current user can type: the Playground checks that <c>from.id</c> is a member, but builds the activity
    /// it sends the bot from its configured current user whatever <c>from</c> says (0.2.28, generateMessageActivityFromMessage).
    /// </summary>
    public async Task<string> SayAsync(string conversationId, string text, bool mentionBot = false)
    {
        var mention = $"<at>{BotName}</at>";
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = UserId },
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = BotId }, ["text"] = mention });
        }

        var answer = await SendAsync(HttpMethod.Post, $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        return answer?["postConversationId"]?.GetValue<string>() ?? conversationId;
    }

    /// <summary>
    /// Clicks an <c>Action.Execute</c> button on a bot message; returns the bot's invoke response {type, value}.
    /// Unlike messages, invokes are sent as the member <paramref name="asUserId"/> names (default: the current user):
    /// the Playground looks that user up and puts their id, Entra object id and name into <c>from</c>.
    /// </summary>
    public async Task<JsonNode> ExecuteAsync(string conversationId, string messageId, string verb, JsonObject? data = null, string? asUserId = null)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = asUserId ?? UserId },
            ["replyToId"] = messageId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
                ["trigger"] = "manual",
            },
        };
        return await SendAsync(HttpMethod.Post, "_conversation/v1/invoke", body)
            ?? throw new InvalidOperationException($"The invoke returned no body.\n{diagnostics()}");
    }

    /// <summary>Clicks an <c>Action.Submit</c> button (the fallback of our Execute buttons); the bot answers via the connector.</summary>
    public Task SubmitAsync(string conversationId, string messageId, JsonObject data) =>
        SendAsync(HttpMethod.Post, "_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = UserId },
            ["replyToId"] = messageId,
            ["value"] = data,
        });

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{method} {path} answered {(int)response.StatusCode}: {text}\n{diagnostics()}", null, response.StatusCode);
        }

        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }
}
