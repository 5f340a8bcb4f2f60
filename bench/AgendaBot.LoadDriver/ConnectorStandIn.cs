using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AgendaBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgendaBot.LoadDriver;

/// <summary>
/// Teams' side of the conversation on loopback: answers every post and update like the channel does, so the bot's
/// outgoing calls never leave the machine. Unlike the tests' RecordingConnector it writes no card files; it keeps
/// the cards only while the set-up needs to read them, so the load phase measures the bot, not the stand-in.
/// </summary>
internal sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentQueue<JsonNode> cards = new();
    private long calls;
    private long nextId;
    private long lastBodyBytes;

    private ConnectorStandIn(LoopbackServer server) => this.server = server;

    public string ServiceUrl => server.BaseAddress.AbsoluteUri;

    /// <summary>
    /// Whether updated cards are kept too (set-up) or only counted (load). Cards in new messages are always kept: under
    /// load they are only the lead's new ballot cards, whose round ids the driver reads.
    /// </summary>
    public bool Recording { get; set; } = true;

    public long Calls => Interlocked.Read(ref calls);

    /// <summary>The size of the last call's body (what the bot sent), from its Content-Length.</summary>
    public long LastBodyBytes => Interlocked.Read(ref lastBodyBytes);

    public IEnumerable<JsonNode> Cards => cards;

    /// <summary>While set, every call's time is kept per conversation and every card per message (the workshop day).</summary>
    public bool Tracking { get; set; }

    /// <summary>Per conversation (thread suffix removed), when each call arrived (Stopwatch timestamps).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<long>> CallTimes { get; } = new();

    /// <summary>Per conversation and message, the card it shows last (posted, then updated in place).</summary>
    public ConcurrentDictionary<(string Conversation, string Activity), JsonNode> LatestCards { get; } = new();

    public static async Task<ConnectorStandIn> StartAsync()
    {
        ConnectorStandIn? standIn = null;
        var server = await LoopbackServer.StartAsync(app => app.Run(context => standIn!.HandleAsync(context)));
        standIn = new ConnectorStandIn(server);
        return standIn;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref calls);
        Interlocked.Exchange(ref lastBodyBytes, context.Request.ContentLength ?? -1);
        var id = Interlocked.Increment(ref nextId);
        var path = context.Request.Path.Value ?? string.Empty;
        if (Tracking)
        {
            var parts = path.Split('/');
            var conversation = parts.Length > 3 ? Uri.UnescapeDataString(parts[3]).Split(';')[0] : string.Empty;
            CallTimes.GetOrAdd(conversation, _ => new()).Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
            var body = await JsonNode.ParseAsync(context.Request.Body);
            if (body?["attachments"]?[0]?["content"] is { } tracked)
            {
                var activity = context.Request.Method == "PUT" && parts.Length > 5 ? Uri.UnescapeDataString(parts[5]) : $"activity-{id}";
                LatestCards[(conversation, activity)] = tracked.DeepClone();
            }
        }
        else if (Recording || context.Request.Method == "POST")
        {
            var body = await JsonNode.ParseAsync(context.Request.Body);
            if (body?["attachments"]?[0]?["content"] is { } card)
            {
                cards.Enqueue(card.DeepClone());
            }
        }
        else
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(context.Request.Path.Value == "/v3/conversations" && context.Request.Method == "POST"
            ? $$"""{"id":"conversation-{{id}}","activityId":"activity-{{id}}"}"""
            : $$"""{"id":"activity-{{id}}"}""");
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
