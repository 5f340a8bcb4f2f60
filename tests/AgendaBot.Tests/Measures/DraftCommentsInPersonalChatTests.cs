using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// The draft arrives in the personal chat, so "kommentare" works there: a participant sees what they wrote on the
/// latest draft they were sent, the project lead sees everyone's comments.
/// </summary>
public sealed class DraftCommentsInPersonalChatTests : IAsyncLifetime
{
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private async Task CommentedAsync()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);
        await room.CommentAsync(Anna, room.RoundId(), "Bitte auch telefonisch buchbar.");
        await room.CommentAsync(Klaus, room.RoundId(), null, "Zu teuer.");
    }

    [Fact]
    public async Task Kommentare_in_the_personal_chat_shows_a_participant_their_own_comments_on_the_draft()
    {
        await CommentedAsync();

        await room.SayPersonallyAsync(Anna, "kommentare", "de-DE");

        var card = Assert.Single(room.CardsFor(Anna, "Ihre Kommentare"));
        var text = Texts(card).ToList();
        Assert.Equal("Ihre Kommentare zum Entwurf: Digitale Agenda Hagenow", text[0]);
        Assert.Contains("Bitte auch telefonisch buchbar.", text);
        Assert.DoesNotContain("Zu teuer.", text);
        Assert.Contains(Terminvergabe, text);
        Assert.Contains(Wlan, text);
    }

    [Fact]
    public async Task Kommentare_in_the_personal_chat_shows_the_project_lead_every_comment()
    {
        await CommentedAsync();

        await room.SayPersonallyAsync(Lead, "kommentare", "de-DE");

        var card = Assert.Single(room.CardsFor(Lead, "Kommentare zum Entwurf"));
        var text = Texts(card).ToList();
        Assert.Contains("Bitte auch telefonisch buchbar.", text);
        Assert.Contains("Zu teuer.", text);
    }

    [Fact]
    public async Task Kommentare_in_the_personal_chat_before_any_draft_says_so()
    {
        await room.SayPersonallyAsync(Anna, "kommentare", "de-DE");

        var answer = room.Room.Connector.Calls.Last(c => c.Path.Contains(Uri.EscapeDataString(ChatOf(Anna)), StringComparison.Ordinal));
        Assert.Equal("Ihnen wurde noch kein Entwurf zur Kommentierung geschickt. Sobald die Projektleitung einen versendet, kommt er hier in diesem Chat an.", answer.Text);
    }
}
