using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>One message the bot posted or updated, as the Playground shows it to the user.</summary>
public sealed record BotMessage(string Action, string ConversationId, string MessageId, string? Text, JsonNode? Card)
{
    public const string Created = "createMessage";
    public const string Updated = "updateMessage";

    /// <summary>The first text block of the card: every card of the bot starts with its title.</summary>
    public string? CardTitle => Card?["body"]?[0]?["text"]?.GetValue<string>();

    public string? CardLanguage => Card?["lang"]?.GetValue<string>();
}

/// <summary>
/// The Playground's push channel to its web UI (<c>/_ws_conversation/v1/conversations/stream</c>), read with
/// <see cref="ClientWebSocket"/>: collects the bot's messages per conversation so that a test can await the next one.
/// </summary>
internal sealed class BotMessageStream : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, Channel<BotMessage>> conversations = new(StringComparer.Ordinal);
    private readonly Func<string> diagnostics;
    private Task reading = Task.CompletedTask;
    private Exception? readFailure;

    private BotMessageStream(Func<string> diagnostics) => this.diagnostics = diagnostics;

    /// <summary>Connect before anything happens: the Playground hands what it buffered to the first client only.</summary>
    public static async Task<BotMessageStream> ConnectAsync(Uri playground, Func<string> diagnostics)
    {
        var stream = new BotMessageStream(diagnostics);
        var address = new UriBuilder(playground) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.socket.ConnectAsync(address, timeout.Token);
        stream.reading = stream.ReadAsync(stream.stop.Token);
        return stream;
    }

    /// <summary>The next message the bot posts (or updates) in this conversation.</summary>
    public async Task<BotMessage> NextAsync(string conversationId, TimeSpan? timeout = null)
    {
        var wait = timeout ?? TimeSpan.FromSeconds(15);
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await For(conversationId).Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            var seen = string.Join(", ", conversations.Select(c => $"{c.Key}: {c.Value.Reader.Count} unread"));
            throw new TimeoutException(
                $"No bot message in conversation '{conversationId}' within {wait}. Unread elsewhere: [{seen}]. " +
                $"WebSocket: {socket.State}{(readFailure is null ? string.Empty : $", failed: {readFailure.Message}")}\n{diagnostics()}");
        }
    }

    /// <summary>The messages that arrived in this conversation and were not read yet, without waiting for more.</summary>
    public IReadOnlyList<BotMessage> TakeUnread(string conversationId)
    {
        var unread = new List<BotMessage>();
        while (For(conversationId).Reader.TryRead(out var message))
        {
            unread.Add(message);
        }

        return unread;
    }

    /// <summary>Forget unread messages, so that a late answer to an earlier step is not taken for the next one.</summary>
    public void DiscardUnread(string conversationId)
    {
        _ = TakeUnread(conversationId);
    }

    private Channel<BotMessage> For(string conversationId) =>
        conversations.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<BotMessage>());

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                frame.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    Dispatch(JsonNode.Parse(frame.ToArray()));
                    frame.SetLength(0);
                }
            }
        }
        catch (Exception failure) when (failure is WebSocketException or System.Text.Json.JsonException)
        {
            readFailure = failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Frames are {action, actionConversationId, message{messageId, text, attachments}}; "typing" and the
    // {logAction, log} frames meant for the UI's log panel are not messages.
    private void Dispatch(JsonNode? frame)
    {
        var action = frame?["action"]?.GetValue<string>();
        if (action is not (BotMessage.Created or BotMessage.Updated)
            || frame?["actionConversationId"]?.GetValue<string>() is not { } conversationId
            || frame["message"] is not JsonObject message)
        {
            return;
        }

        var card = message["attachments"]?.AsArray()
            .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"];
        For(conversationId).Writer.TryWrite(new BotMessage(
            action, conversationId, message["messageId"]?.ToString() ?? string.Empty, message["text"]?.GetValue<string>(), card));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        finally
        {
            socket.Abort();
            socket.Dispose();
            stop.Dispose();
        }
    }
}
