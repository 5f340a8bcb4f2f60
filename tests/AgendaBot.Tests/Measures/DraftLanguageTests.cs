using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>The draft for comment and the comments report come in the language each reader last spoke to the bot in.</summary>
public sealed class DraftLanguageTests : IAsyncLifetime
{
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task Draft_recipients_get_the_draft_each_in_their_own_language()
    {
        await room.SayPersonallyAsync(Anna, "help", "en-US");

        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Klaus);
        await room.DeliveredAllAsync();

        var english = Assert.Single(room.CardsFor(Anna, "Draft for comment"));
        Assert.Contains("Petra Hoffmann asks for your comments on the measures, until 04/12/2026 23:59. Fields left empty mean “no comment”.",
            Texts(english));
        Assert.Empty(room.DraftsFor(Anna));
        var german = Assert.Single(room.DraftsFor(Klaus));
        Assert.Contains(Texts(german), t => t.StartsWith("Petra Hoffmann bittet um Ihre Kommentare zu den Maßnahmen, bis 04.12.2026 23:59.", StringComparison.Ordinal));
        Assert.Empty(room.CardsFor(Klaus, "Draft for comment"));
    }

    [Fact]
    public async Task A_lead_who_writes_in_English_gets_the_comments_in_English()
    {
        await room.SayPersonallyAsync(Lead, "help", "en-GB");
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Klaus);
        await room.CommentAsync(Klaus, room.RoundId(), null, "Mit Jugendschutzfilter?");
        room.Clock.Advance(TimeSpan.FromDays(12));

        await room.Watcher().ReportDueRoundsAsync(default);

        var report = Assert.Single(await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(room.CardsFor(Lead, "Comments on the draft")), r => r.Count > 0));
        Assert.Contains("Deadline: 04/12/2026 23:59. 1 comment from 1 person.", string.Join("\n", Texts(report)), StringComparison.Ordinal);
        Assert.Empty(room.CommentReportsFor(Lead));
    }

    [Fact]
    public async Task A_lead_who_writes_in_English_hears_of_a_blocked_chat_in_English()
    {
        await room.SayPersonallyAsync(Lead, "help", "en-GB");
        var calls = room.Room.Connector.Calls.Count;
        room.Room.Connector.AnswerNextWith(403, """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked."}}""");

        await room.SendDraftAsync();

        var refused = (await room.Room.Connector.WaitForCallsAsync(calls + 1))[calls];
        var blocker = refused.Path.Contains(Uri.EscapeDataString(ChatOf(Anna)), StringComparison.Ordinal) ? Anna : Klaus;
        var notice = await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.Room.Connector.Calls
            .Where(c => c.Path.Contains(Uri.EscapeDataString(ChatOf(Lead)), StringComparison.Ordinal) && c.Text?.StartsWith("This conversation", StringComparison.Ordinal) == true)
            .Select(c => c.Text).ToList()), n => n.Count > 0);
        Assert.Equal($"This conversation no longer accepts messages from AgendaBot (the bot was blocked or removed there): the personal chat with {blocker.Name}. "
            + "Messages to it are held back until the bot is installed there again.", Assert.Single(notice));
    }
}
