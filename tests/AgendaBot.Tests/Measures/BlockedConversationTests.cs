using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage.Delivery;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>A participant blocked the bot in their personal chat: the project lead hears of it, once.</summary>
public sealed class BlockedConversationTests : IAsyncLifetime
{
    private const string Blocked = """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked."}}""";
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private List<string> NoticesToTheLead() => room.Room.Connector.Calls
        .Where(c => c.Path.Contains(Uri.EscapeDataString(ChatOf(Lead)), StringComparison.Ordinal) && c.Text is not null)
        .Select(c => c.Text!).Where(t => t.StartsWith("Diese Unterhaltung nimmt keine Nachrichten", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Blocked_conversation_is_reported_to_the_project_lead_once()
    {
        var calls = room.Room.Connector.Calls.Count;
        room.Room.Connector.AnswerNextWith(403, Blocked);

        await room.SendDraftAsync();

        var refused = (await room.Room.Connector.WaitForCallsAsync(calls + 1))[calls];
        var blocker = refused.Path.Contains(Uri.EscapeDataString(ChatOf(Anna)), StringComparison.Ordinal) ? Anna : Klaus;
        var notice = Assert.Single(await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(NoticesToTheLead()), n => n.Count > 0));
        Assert.Equal($"Diese Unterhaltung nimmt keine Nachrichten von AgendaBot mehr an (der Bot wurde dort blockiert oder entfernt): "
            + $"der persönliche Chat mit {blocker.Name}. Nachrichten dorthin werden zurückgehalten, bis der Bot dort wieder installiert ist.", notice);

        // Another post for the same person is held back without a call to Teams, and tells nobody again.
        var before = room.Room.Connector.Calls.Count;
        await room.Service<Outbox>().EnqueueAsync(room.Tenant, new ProactivePost(ChatOf(blocker), new Activity { Text = "Erinnerung" }),
            "reminder|blocked", room.Room.TeamId);
        await room.DeliveredAllAsync();

        Assert.Single(NoticesToTheLead());
        Assert.DoesNotContain(room.Room.Connector.Calls.Skip(before), c => c.Text == "Erinnerung");
        Assert.Contains(await room.Service<ParkedPosts>().ListAsync(room.Tenant), p => p.IdempotencyKey == "reminder|blocked");
    }
}
