using System.Net.Http.Headers;
using System.Text.Json;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Activities;

// The floor bot for bench/: what any bot answering a Teams message must do at least — read the activity with the same
// JSON options as AgendaBot, post a reply of the same size to the same connector, answer 200 — with no routing,
// storage or cards. AgendaBot's turn against this one says what AgendaBot adds (docs/performance.md).
// The query's replyBytes: the size of the reply's JSON body, set by the load driver to the size of AgendaBot's answer.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddHttpClient("connector", client => client.Timeout = TimeSpan.FromSeconds(30));
var app = builder.Build();
app.MapGet("/healthz", () => "Healthy");
// The floor of a public page: bytes of the same size, from memory, with no storage, rendering or headers of note.
// The query's pageBytes: the size of AgendaBot's page, set by the load driver.
var pages = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
app.MapGet("/page", (HttpContext http) =>
{
    var size = int.TryParse(http.Request.Query["pageBytes"], out var bytes) ? Math.Clamp(bytes, 1, 1 << 20) : 4000;
    return Results.Bytes(pages.GetOrAdd(size, n => System.Text.Encoding.UTF8.GetBytes(new string('x', n))), "text/html; charset=utf-8");
});
app.MapPost("/api/messages", async (HttpContext http, IHttpClientFactory clients, CancellationToken cancellationToken) =>
{
    using var buffer = new MemoryStream();
    await http.Request.Body.CopyToAsync(buffer, cancellationToken);
    var activity = JsonSerializer.Deserialize(buffer.ToArray(), ProtocolJson.Context.Activity);
    if (activity?.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversation)
    {
        return Results.BadRequest();
    }

    var reply = new Activity
    {
        Type = ActivityTypes.Message,
        From = activity.Recipient,
        Recipient = activity.From,
        Conversation = activity.Conversation,
        ReplyToId = activity.Id,
    };
    var replyBytes = int.TryParse(http.Request.Query["replyBytes"], out var bytes) ? bytes : 4000;
    var bare = JsonSerializer.SerializeToUtf8Bytes(reply, ProtocolJson.Context.Activity).Length;
    reply = reply with { Text = new string('x', Math.Max(0, replyBytes - bare - 10)) };
    using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(reply, ProtocolJson.Context.Activity));
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    var address = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"),
        $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(activity.Id ?? string.Empty)}");
    using var response = await clients.CreateClient("connector").PostAsync(address, content, cancellationToken);
    response.EnsureSuccessStatusCode();
    return Results.Ok();
});
app.Run();
