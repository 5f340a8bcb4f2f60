namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// Everything the bot showed in the Playground, kept per conversation (a channel thread) in arrival order, so that a
/// test can wait for one particular message and still look at all of them afterwards (e.g. every pinboard update).
/// Not thread-safe: one test drives it.
/// </summary>
internal sealed class ChannelTranscript(TeamsPlayground teams)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Dictionary<string, List<BotMessage>> conversations = new(StringComparer.Ordinal);

    public IReadOnlyList<BotMessage> In(string conversationId) => List(conversationId);

    /// <summary>
    /// Where the next message of the conversation will be; take it before acting, wait from it after. What already
    /// arrived is read first, so that an answer to an earlier action is not taken for one to the next.
    /// </summary>
    public int Mark(string conversationId)
    {
        var seen = List(conversationId);
        seen.AddRange(teams.TakeUnread(conversationId));
        return seen.Count;
    }

    /// <summary>The first message from <paramref name="since"/> on that matches, waiting for more as they arrive.</summary>
    public async Task<BotMessage> WaitForAsync(string conversationId, int since, Func<BotMessage, bool> match, string what)
    {
        var seen = List(conversationId);
        var deadline = DateTime.UtcNow + Patience;
        for (var i = since; ; i++)
        {
            while (i >= seen.Count)
            {
                try
                {
                    seen.Add(await teams.NextMessageAsync(conversationId, Max(deadline - DateTime.UtcNow, TimeSpan.FromMilliseconds(1))));
                }
                catch (TimeoutException timeout)
                {
                    var got = string.Join("\n", seen.Skip(since).Select(m => $"  {m.Action} {m.MessageId}: {Summary(m)}"));
                    throw new TimeoutException($"Waited in vain for {what} in '{conversationId}'. Got instead:\n{got}", timeout);
                }
            }

            if (match(seen[i]))
            {
                return seen[i];
            }
        }
    }

    private static string Summary(BotMessage message) =>
        message.Card is null ? message.Text ?? string.Empty : "[card] " + string.Join(" | ", CardLines.Of(message.Card).Take(4));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private List<BotMessage> List(string conversationId)
    {
        if (!conversations.TryGetValue(conversationId, out var list))
        {
            conversations[conversationId] = list = [];
        }

        return list;
    }
}
