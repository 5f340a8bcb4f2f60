using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Connector;

/// <summary>
/// The Bot Framework connector REST API (v3). The base address differs per conversation — it is the
/// <c>serviceUrl</c> of the activity that reached the bot — so every call names it.
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    private static readonly ProtocolJsonContext Json = ProtocolJson.Context;

    /// <summary>
    /// Names the connector operation on each request (<c>SendToConversation</c>, <c>UpdateActivity</c>, …), so that a
    /// handler of the host can measure calls by what they do without reading URLs, which carry conversation ids.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> OperationOption = new("AgendaBot.Connector.Operation");

    public Task<ResourceResponse> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("SendToConversation", HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities",
            activity, Json.Activity, Json.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("ReplyToActivity", HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}",
            activity with { ReplyToId = replyToId }, Json.Activity, Json.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("UpdateActivity", HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}",
            activity with { Id = activityId }, Json.Activity, Json.ResourceResponse, cancellationToken);

    public async Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete,
            Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"));
        request.Options.Set(OperationOption, "DeleteActivity");
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Creates a 1:1 chat with a user, or a new thread in a channel, for proactive messages.</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations",
            parameters, Json.ConversationParameters, Json.ConversationResourceResponse, cancellationToken);

    public Task<IReadOnlyList<TeamsChannelAccount>> GetConversationMembersAsync(
        string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        GetAsync("GetConversationMembers", serviceUrl, $"v3/conversations/{Esc(conversationId)}/members",
            Json.IReadOnlyListTeamsChannelAccount, cancellationToken);

    public Task<PagedMembersResult> GetConversationPagedMembersAsync(
        string serviceUrl, string conversationId, int pageSize = 100, string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        var query = $"?pageSize={pageSize}"
            + (continuationToken is null ? string.Empty : $"&continuationToken={Esc(continuationToken)}");
        return GetAsync("GetConversationPagedMembers", serviceUrl, $"v3/conversations/{Esc(conversationId)}/pagedmembers{query}",
            Json.PagedMembersResult, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TBody, TResponse>(
        string operation, HttpMethod method, string serviceUrl, string path, TBody body,
        JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        // Buffered content so that the retry handler can send the same request again.
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        using var request = new HttpRequestMessage(method, Url(serviceUrl, path))
        {
            Content = new ByteArrayContent(payload),
        };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Options.Set(OperationOption, operation);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync(response, responseType, cancellationToken);
    }

    private async Task<TResponse> GetAsync<TResponse>(
        string operation, string serviceUrl, string path, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(serviceUrl, path));
        request.Options.Set(OperationOption, operation);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync(response, responseType, cancellationToken);
    }

    private static async Task<TResponse> ReadAsync<TResponse>(
        HttpResponseMessage response, JsonTypeInfo<TResponse> type, CancellationToken cancellationToken)
        where TResponse : class
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return JsonSerializer.Deserialize("{}", type)
                ?? throw new ConnectorException("The connector returned an empty body.");
        }

        return JsonSerializer.Deserialize(text, type)
            ?? throw new ConnectorException("The connector returned an unreadable body.");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        ErrorDetail? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync(Json.ErrorResponse, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            // Not every failure carries the documented error body (proxies, 5xx pages).
        }

        throw new ConnectorException(response.StatusCode, error?.Code,
            $"Connector answered {(int)response.StatusCode}{(error?.Code is null ? string.Empty : $" ({error.Code})")}.",
            RetryAfter(response));
    }

    // A Retry-After date is measured against the channel's own Date header, so clock skew between us and it does not matter.
    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (response.Headers.Date ?? DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static Uri Url(string serviceUrl, string path)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri.AbsoluteUri : baseUri.AbsoluteUri + "/";
        return new Uri(root + path);
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
