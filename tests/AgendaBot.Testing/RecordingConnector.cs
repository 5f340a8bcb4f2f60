using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AgendaBot.Testing;

/// <summary>
/// A stand-in for the Bot Framework connector (Teams' side of the conversation): a real HTTP server on loopback that
/// records every call the bot makes and answers like the channel does. Tests can queue failures (429, 503, …).
/// </summary>
public sealed class RecordingConnector : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentQueue<ConnectorCall> calls = new();
    private readonly ConcurrentQueue<ScriptedAnswer> scripted = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly string ownerFile;
    private int nextId;

    private RecordingConnector(LoopbackServer server, string ownerFile)
    {
        this.server = server;
        this.ownerFile = ownerFile;
    }

    /// <summary>
    /// Names the cards this connector writes to the card corpus; by default the test class and the running test.
    /// </summary>
    public string? CardScenario { get; set; }

    /// <summary>
    /// Names each card by what it is, for a conversation that posts several kinds at once; takes precedence over
    /// <see cref="CardScenario"/>.
    /// </summary>
    public Func<JsonNode, string>? CardNamer { get; set; }

    /// <summary>The <c>serviceUrl</c> to put into activities so that the bot answers here.</summary>
    public string ServiceUrl => server.BaseAddress.AbsoluteUri;

    public IReadOnlyList<ConnectorCall> Calls => [.. calls];

    /// <param name="callerFilePath">Filled in by the compiler: the test class, to name the cards it records.</param>
    public static async Task<RecordingConnector> StartAsync([CallerFilePath] string callerFilePath = "")
    {
        RecordingConnector? connector = null;
        var server = await LoopbackServer.StartAsync(app => app.Run(context => connector!.HandleAsync(context)));
        connector = new RecordingConnector(server, callerFilePath);
        return connector;
    }

    /// <summary>The next call is answered with this status (and headers) instead of success.</summary>
    public void AnswerNextWith(int status, string? body = null, params (string Name, string Value)[] headers) =>
        scripted.Enqueue(new ScriptedAnswer(status, body, headers));

    /// <summary>The next call gets no answer at all until the caller gives up: a channel that hangs.</summary>
    public void HangNext() => scripted.Enqueue(new ScriptedAnswer(Hang, null, []));

    /// <summary>
    /// Calls whose path matches are neither answered nor recorded until <see cref="Release"/>: Teams that is slow for one
    /// conversation, so that the bot's posts to it pile up in the outbox.
    /// </summary>
    public void Hold(Func<string, bool> path)
    {
        heldGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        heldPath = path;
    }

    /// <summary>Lets the held calls (and all later ones) through.</summary>
    public void Release() => heldGate?.TrySetResult();

    private volatile TaskCompletionSource? heldGate;
    private volatile Func<string, bool>? heldPath;

    /// <summary>Waits until at least <paramref name="count"/> calls have arrived.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (calls.Count < count)
        {
            try
            {
                await arrived.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} connector calls, got {calls.Count}.");
            }
        }

        return Calls;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (heldPath is { } held && heldGate is { } gate && held(context.Request.Path.Value ?? string.Empty))
        {
            await gate.Task.WaitAsync(context.RequestAborted);
        }

        var arrivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new ConnectorCall(
            context.Request.Method,
            // The raw target, so that tests see how the bot escaped ids in the URL.
            context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body))
        {
            At = arrivedAt,
        };
        // Before the call counts as arrived, so a test that saw the call also finds its card on disk.
        var scenario = CardScenario ?? CardCorpus.ScenarioFor(ownerFile);
        CardCorpus.WriteAttachments(CardNamer ?? (_ => scenario), call.Body);
        calls.Enqueue(call);
        arrived.Release();

        if (scripted.TryDequeue(out var answer))
        {
            if (answer.Status == Hang)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            if (answer.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Body);
            }

            return;
        }

        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(context.Request.Path.Value == "/v3/conversations" && context.Request.Method == "POST"
            ? JsonSerializer.Serialize(new { id = $"conversation-{id}", activityId = $"activity-{id}" })
            : context.Request.Path.Value?.EndsWith("/members", StringComparison.Ordinal) == true
                ? "[]"
                : JsonSerializer.Serialize(new { id = $"activity-{id}" }));
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        arrived.Dispose();
    }

    private const int Hang = -1;

    private sealed record ScriptedAnswer(int Status, string? Body, (string Name, string Value)[] Headers);
}

/// <summary>One HTTP call the bot made to the connector.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonNode? Body)
{
    /// <summary>When the call arrived, on the machine's clock: rate-limit tests count calls per second with it.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The first Adaptive Card in the activity the bot sent, if any.</summary>
    public JsonNode? Card => Body?["attachments"]?[0]?["content"];

    public string? Text => Body?["text"]?.GetValue<string>();
}
