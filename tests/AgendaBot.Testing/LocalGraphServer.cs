using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgendaBot.Testing;

/// <summary>One request the Graph stand-in received, with what it answered.</summary>
public sealed record GraphRequest(string Method, string Path, string Query, string? Authorization, int Status, long Timestamp)
{
    /// <summary>Time between two requests, from the stand-in's clock.</summary>
    public TimeSpan Since(GraphRequest earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
}

/// <summary>A directory user as Graph describes one.</summary>
public sealed record GraphUser(string Id, string DisplayName, string? Department = null, string? JobTitle = null);

/// <summary>
/// A stand-in for Microsoft Graph v1.0 on loopback, for the real Graph SDK: users, a group's members in pages linked
/// by <c>@odata.nextLink</c>, a channel's files folder and small-file uploads into it. It answers with Graph's JSON
/// shapes and error bodies, can be told to throttle (429 with <c>Retry-After</c>), and records every request.
/// </summary>
public sealed partial class LocalGraphServer : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentDictionary<string, GraphUser> users = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> groupMembers = new();
    private readonly ConcurrentDictionary<string, byte[]> files = new();
    private readonly ConcurrentQueue<GraphRequest> requests = new();
    private readonly ConcurrentQueue<(string GroupId, JsonObject Event)> events = new();
    private int throttled;
    private int retryAfterSeconds;

    private LocalGraphServer(LoopbackServer server) => this.server = server;

    /// <summary>Where the SDK is pointed: the stand-in's address with the API version, like https://graph.microsoft.com/v1.0.</summary>
    public Uri BaseUrl => new(server.BaseAddress, "v1.0");

    /// <summary>Members per page of a member list (Graph's default is 100).</summary>
    public int PageSize { get; set; } = 2;

    public IReadOnlyList<GraphRequest> Requests => [.. requests];

    public static async Task<LocalGraphServer> StartAsync()
    {
        LocalGraphServer? graph = null;
        var server = await LoopbackServer.StartAsync(app => app.Run(context => graph!.AnswerAsync(context)));
        graph = new LocalGraphServer(server);
        return graph;
    }

    public void AddUser(GraphUser user) => users[user.Id] = user;

    /// <summary>A team's Microsoft 365 group and its members (user ids; an id that is no user becomes a device).</summary>
    public void AddGroup(string groupId, params string[] memberIds) => groupMembers[groupId] = memberIds;

    /// <summary>The next <paramref name="count"/> requests are answered 429 with <c>Retry-After: seconds</c>.</summary>
    public void ThrottleNext(int count, int seconds)
    {
        Volatile.Write(ref retryAfterSeconds, seconds);
        Volatile.Write(ref throttled, count);
    }

    /// <summary>The bytes uploaded as <paramref name="fileName"/> into a channel's files folder, or null.</summary>
    public byte[]? UploadedFile(string teamId, string channelId, string fileName) =>
        files.TryGetValue(FileKey(DriveOf(teamId), FolderOf(channelId), fileName), out var bytes) ? bytes : null;

    /// <summary>The events created in groups' calendars, as the bot sent them.</summary>
    public IReadOnlyList<(string GroupId, JsonObject Event)> Events => [.. events];

    public static string JoinUrlOf(string eventId) => $"https://teams.microsoft.example/l/meetup-join/{eventId}";

    public static string DriveOf(string teamId) => $"b!drive-{teamId}";

    public static string FolderOf(string channelId) => $"folder-{(uint)StringComparer.Ordinal.GetHashCode(channelId):x}";

    public static string WebUrlOf(string teamId, string fileName) =>
        $"https://hagenow.sharepoint.example/sites/{teamId}/Freigegebene%20Dokumente/{Uri.EscapeDataString(fileName)}";

    private async Task AnswerAsync(HttpContext context)
    {
        var (status, body, retryAfter) = await DispatchAsync(context);
        requests.Enqueue(new GraphRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty,
            context.Request.QueryString.Value ?? string.Empty, context.Request.Headers.Authorization.ToString(), status, Stopwatch.GetTimestamp()));
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private async Task<(int Status, JsonObject Body, int? RetryAfter)> DispatchAsync(HttpContext context)
    {
        if (Interlocked.Decrement(ref throttled) >= 0)
        {
            return (429, Error("TooManyRequests", "Too many requests."), Volatile.Read(ref retryAfterSeconds));
        }

        Interlocked.Exchange(ref throttled, 0);
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        if (method == "GET" && UserPath().Match(path) is { Success: true } user)
        {
            return users.TryGetValue(user.Groups[1].Value, out var found)
                ? (200, UserJson(found, "users/$entity"), null)
                : NotFound($"Resource '{user.Groups[1].Value}' does not exist or one of its queried reference-property objects are not present.");
        }

        if (method == "GET" && MembersPath().Match(path) is { Success: true } members)
        {
            return MembersPage(context, members.Groups[1].Value);
        }

        if (method == "GET" && FilesFolderPath().Match(path) is { Success: true } folder)
        {
            return (200, FilesFolderJson(folder.Groups[1].Value, folder.Groups[2].Value), null);
        }

        if (method == "PUT" && UploadPath().Match(path) is { Success: true } upload)
        {
            return await UploadAsync(context, upload.Groups[1].Value, upload.Groups[2].Value, upload.Groups[3].Value);
        }

        if (method == "POST" && EventsPath().Match(path) is { Success: true } calendar)
        {
            return await CreateEventAsync(context, calendar.Groups[1].Value);
        }

        return (400, Error("BadRequest", $"Resource not found for the segment '{path}'."), null);
    }

    private async Task<(int, JsonObject, int?)> CreateEventAsync(HttpContext context, string groupId)
    {
        if (!groupMembers.ContainsKey(groupId))
        {
            return NotFound($"Resource '{groupId}' does not exist or one of its queried reference-property objects are not present.");
        }

        var sent = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        events.Enqueue((groupId, sent));
        var id = $"event-{Guid.NewGuid():N}";
        var created = sent.DeepClone().AsObject();
        created["@odata.context"] = $"{BaseUrl}/$metadata#groups('{groupId}')/events/$entity";
        created["id"] = id;
        created["onlineMeeting"] = new JsonObject { ["joinUrl"] = JoinUrlOf(id) };
        return (201, created, null);
    }

    private (int, JsonObject, int?) MembersPage(HttpContext context, string groupId)
    {
        if (!groupMembers.TryGetValue(groupId, out var ids))
        {
            return NotFound($"Resource '{groupId}' does not exist or one of its queried reference-property objects are not present.");
        }

        var skip = int.TryParse(context.Request.Query["$skiptoken"], out var s) ? s : 0;
        var page = new JsonArray();
        foreach (var id in ids.Skip(skip).Take(PageSize))
        {
            page.Add(users.TryGetValue(id, out var member)
                ? UserJson(member, null)
                : new JsonObject { ["@odata.type"] = "#microsoft.graph.device", ["id"] = id, ["displayName"] = "Besprechungsraum" });
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#directoryObjects(id,displayName,department,jobTitle)",
            ["value"] = page,
        };
        if (skip + PageSize < ids.Count)
        {
            // Graph's next link repeats the query and adds an opaque skip token.
            body["@odata.nextLink"] = $"{BaseUrl}/groups/{groupId}/members?$select={Uri.EscapeDataString(context.Request.Query["$select"].ToString())}&$skiptoken={skip + PageSize}";
        }

        return (200, body, null);
    }

    private JsonObject FilesFolderJson(string teamId, string channelId) => new()
    {
        ["@odata.context"] = $"{BaseUrl}/$metadata#teams('{teamId}')/channels('{channelId}')/filesFolder/$entity",
        ["id"] = FolderOf(channelId),
        ["name"] = "Workshop Verwaltung",
        ["webUrl"] = $"https://hagenow.sharepoint.example/sites/{teamId}/Freigegebene%20Dokumente/Workshop%20Verwaltung",
        ["size"] = 0,
        ["parentReference"] = new JsonObject { ["driveId"] = DriveOf(teamId), ["driveType"] = "documentLibrary" },
        ["folder"] = new JsonObject { ["childCount"] = files.Count },
    };

    private async Task<(int, JsonObject, int?)> UploadAsync(HttpContext context, string driveId, string folderId, string fileName)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        files[FileKey(driveId, folderId, fileName)] = buffer.ToArray();
        var teamId = driveId.StartsWith("b!drive-", StringComparison.Ordinal) ? driveId["b!drive-".Length..] : driveId;
        return (201, new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#drives('{driveId}')/items/$entity",
            ["id"] = $"item-{Guid.NewGuid():N}",
            ["name"] = fileName,
            ["size"] = buffer.Length,
            ["webUrl"] = WebUrlOf(teamId, fileName),
            ["parentReference"] = new JsonObject { ["driveId"] = driveId, ["id"] = folderId },
            ["file"] = new JsonObject { ["mimeType"] = context.Request.ContentType ?? "application/octet-stream" },
        }, null);
    }

    private JsonObject UserJson(GraphUser user, string? entity)
    {
        var json = new JsonObject();
        if (entity is not null)
        {
            json["@odata.context"] = $"{BaseUrl}/$metadata#{entity}";
        }

        json["@odata.type"] = "#microsoft.graph.user";
        json["id"] = user.Id;
        json["displayName"] = user.DisplayName;
        json["department"] = user.Department;
        json["jobTitle"] = user.JobTitle;
        return json;
    }

    private static (int, JsonObject, int?) NotFound(string message) => (404, Error("Request_ResourceNotFound", message), null);

    private static JsonObject Error(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString(), ["date"] = DateTimeOffset.UtcNow.ToString("s") },
        },
    };

    private static string FileKey(string driveId, string folderId, string fileName) => $"{driveId}/{folderId}/{fileName}";

    [GeneratedRegex("^/v1.0/users/([^/]+)$")]
    private static partial Regex UserPath();

    [GeneratedRegex("^/v1.0/groups/([^/]+)/members$")]
    private static partial Regex MembersPath();

    [GeneratedRegex("^/v1.0/teams/([^/]+)/channels/([^/]+)/filesFolder$")]
    private static partial Regex FilesFolderPath();

    [GeneratedRegex("^/v1.0/groups/([^/]+)/events$")]
    private static partial Regex EventsPath();

    [GeneratedRegex("^/v1.0/drives/([^/]+)/items/([^/]+):/([^/]+):/content$")]
    private static partial Regex UploadPath();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
