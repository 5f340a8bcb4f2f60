using AgendaBot.Storage.Measures;
using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// The project lead sends the draft action concept for comment; participants comment per measure in their personal
/// chat until the deadline; the lead gets the comments per measure.
/// </summary>
public sealed class DraftForCommentTests : IAsyncLifetime
{
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Fact]
    public async Task The_project_lead_is_offered_the_draft_card_with_a_deadline()
    {
        await room.Room.SayAsync(Lead, "entwurf");

        var card = room.Room.Connector.Calls.Select(c => c.Card).Last(c => c is not null)!;
        Assert.Equal("Entwurf des Handlungskonzepts zur Kommentierung", Texts(card).First());
        Assert.Equal("draft.send", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Contains(Texts(card), t => t.Contains("(2 Maßnahmen)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Participants_receive_the_draft_in_their_personal_chat()
    {
        var answer = await room.SendDraftAsync();

        var draft = Assert.Single(await room.WaitForDraftsAsync(Anna));
        Assert.Single(await room.WaitForDraftsAsync(Klaus));
        var text = Texts(draft).ToList();
        Assert.Contains(Terminvergabe, text);
        Assert.Contains(Wlan, text);
        Assert.Contains("Petra Hoffmann bittet um Ihre Kommentare zu den Maßnahmen, bis 04.12.2026 23:59. Felder, die leer bleiben, gelten als „kein Kommentar“.", text);
        Assert.Equal(["c_0", "c_1"], draft["body"]!.AsArray().Select(e => e?["id"]?.GetValue<string>()).OfType<string>());
        Assert.Contains("Der Entwurf geht an 2 Teilnehmende; Kommentare bis 04.12.2026 23:59.", Said(answer), StringComparison.Ordinal);
        Assert.Contains("1 teilnehmende Person hat keinen persönlichen Chat mit dem Bot und konnte nicht erreicht werden.", Said(answer), StringComparison.Ordinal);
        Assert.Empty(room.DraftsFor(Sabine));
    }

    [Fact]
    public async Task The_same_click_delivered_twice_sends_the_draft_once()
    {
        await room.SendDraftAsync(activityId: "send-click");
        await room.SendDraftAsync(activityId: "send-click");

        await room.WaitForDraftsAsync(Anna);
        await room.DeliveredAllAsync();
        Assert.Single(room.DraftsFor(Anna));
        Assert.Single(room.DraftsFor(Klaus));
    }

    [Fact]
    public async Task Only_the_project_lead_can_send_the_draft()
    {
        var answer = await room.SendDraftAsync(by: Anna);

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", Said(answer));
        Assert.Empty(await room.Service<CommentRoundRepository>().ListAsync(room.Tenant, room.Room.TeamId));
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_refused_and_nothing_is_sent()
    {
        var answer = await room.SendDraftAsync(deadline: "2026-11-23");

        Assert.Equal("Bitte wählen Sie als Frist ein Datum ab morgen. Es wurde nichts versendet.", Said(answer));
        Assert.Empty(await room.Service<CommentRoundRepository>().ListAsync(room.Tenant, room.Room.TeamId));
    }

    [Fact]
    public async Task A_participant_comments_per_measure_and_the_comments_are_stored()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);

        var answer = await room.CommentAsync(Anna, room.RoundId(), "Bitte auch telefonisch buchbar.", second: null);

        Assert.Equal("Danke! 1 Kommentar ist gespeichert.", Said(answer));
        var stored = Assert.Single(await room.Service<MeasureRepository>().GetCommentsAsync(room.Tenant, room.Room.TeamId, "m-termine"));
        Assert.Equal(("aad-anna", "Bitte auch telefonisch buchbar."), (stored.Author.Id, stored.Text));
        Assert.Empty(await room.Service<MeasureRepository>().GetCommentsAsync(room.Tenant, room.Room.TeamId, "m-wlan"));
    }

    [Fact]
    public async Task The_same_comment_click_delivered_twice_is_stored_once()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Klaus);

        await room.CommentAsync(Klaus, room.RoundId(), "Gut so.", "Zu teuer.", activityId: "comment-click");
        var again = await room.CommentAsync(Klaus, room.RoundId(), "Gut so.", "Zu teuer.", activityId: "comment-click");

        Assert.Equal("Danke! 2 Kommentare sind gespeichert.", Said(again));
        Assert.Equal(2, (await room.Service<MeasureRepository>().GetAllCommentsAsync(room.Tenant, room.Room.TeamId)).Count);
    }

    [Fact]
    public async Task Comment_after_the_deadline_is_refused()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);
        room.Clock.Advance(TimeSpan.FromDays(12));

        var answer = await room.CommentAsync(Anna, room.RoundId(), "Zu spät?");

        Assert.Equal("Die Kommentierungsfrist ist am 04.12.2026 23:59 abgelaufen. Ihr Kommentar wurde nicht gespeichert.", Said(answer));
        Assert.Empty(await room.Service<MeasureRepository>().GetAllCommentsAsync(room.Tenant, room.Room.TeamId));
    }

    [Fact]
    public async Task Someone_the_draft_was_not_sent_to_cannot_comment()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);

        var answer = await room.CommentAsync(new Workshops.Person("Otto Fremd", "29:otto", "aad-otto"), room.RoundId(), "Ich auch!");

        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", Said(answer));
        Assert.Empty(await room.Service<MeasureRepository>().GetAllCommentsAsync(room.Tenant, room.Room.TeamId));
    }

    [Fact]
    public async Task Project_lead_sees_the_comments_so_far_on_request()
    {
        var sent = await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);
        await room.CommentAsync(Anna, room.RoundId(), "Bitte auch telefonisch buchbar.");
        var button = sent["value"]!["actions"]![0]!;

        var answer = await room.Room.ClickAsync(Lead, button["verb"]!.GetValue<string>(), button["data"]!.DeepClone().AsObject());
        var refused = await room.Room.ClickAsync(Anna, button["verb"]!.GetValue<string>(), button["data"]!.DeepClone().AsObject());

        var text = Said(answer);
        Assert.Contains($"{Terminvergabe}\nAnna Schulz: \nBitte auch telefonisch buchbar.\n{Wlan}\nkeine Kommentare", text, StringComparison.Ordinal);
        Assert.Equal("Das dürfen nur Moderatorinnen und Moderatoren oder die Projektleitung.", Said(refused));
    }

    [Fact]
    public async Task Project_lead_gets_comments_per_measure_when_the_deadline_passes()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Klaus);
        await room.CommentAsync(Anna, room.RoundId(), "Bitte auch telefonisch buchbar.", "Auch im Bürgerhaus.");
        room.Clock.Advance(TimeSpan.FromMinutes(5));
        await room.CommentAsync(Klaus, room.RoundId(), null, "Mit Jugendschutzfilter?");
        room.Clock.Advance(TimeSpan.FromDays(12));

        await room.Watcher().ReportDueRoundsAsync(default);
        await room.Watcher().ReportDueRoundsAsync(default);

        var report = Assert.Single(await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CommentReportsFor(Lead)), r => r.Count > 0));
        var text = string.Join("\n", Texts(report));
        Assert.Contains("Frist: 04.12.2026 23:59. 3 Kommentare von 2 Personen.", text, StringComparison.Ordinal);
        Assert.Contains($"{Terminvergabe}\nAnna Schulz: \nBitte auch telefonisch buchbar.\n{Wlan}\nAnna Schulz: \nAuch im Bürgerhaus.\nKlaus Meier: \nMit Jugendschutzfilter?", text, StringComparison.Ordinal);
        Assert.Contains("1 teilnehmende Person hat keinen persönlichen Chat mit dem Bot und konnte nicht erreicht werden.", text, StringComparison.Ordinal);
        await room.DeliveredAllAsync();
        Assert.Single(room.CommentReportsFor(Lead));
    }

    [Fact]
    public async Task The_comments_reach_the_project_lead_once_across_a_restart_and_two_instances()
    {
        await room.SendDraftAsync();
        await room.WaitForDraftsAsync(Anna);
        await room.CommentAsync(Anna, room.RoundId(), "Bitte auch telefonisch buchbar.");
        await room.DeliveredAllAsync();
        await room.Room.Bot.DisposeAsync();
        room.Clock.Advance(TimeSpan.FromDays(12));

        await using var first = room.Room.Restarted(room.Clock);
        await using var second = room.Room.Restarted(room.Clock);
        await Task.WhenAll(room.Watcher(first).ReportDueRoundsAsync(default), room.Watcher(second).ReportDueRoundsAsync(default));

        await Delivery.Eventually.ReturnsAsync(() => Task.FromResult(room.CommentReportsFor(Lead)), r => r.Count > 0);
        await room.DeliveredAllAsync(first);
        Assert.Single(room.CommentReportsFor(Lead));
    }
}
