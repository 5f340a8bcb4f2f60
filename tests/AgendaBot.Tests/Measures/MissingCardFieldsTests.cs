using System.Text.Json.Nodes;
using static AgendaBot.Tests.Measures.DraftRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Measures;

/// <summary>
/// A click whose card lacks a field the verb needs (an old card, a client that drops a value, a forgery) is refused
/// with a sentence that says so — not "etwas schiefgegangen" and an error in the log.
/// </summary>
public sealed class MissingCardFieldsTests : IAsyncLifetime
{
    private const string Incomplete = "Diese Karte ist unvollständig oder veraltet. Es wurde nichts gespeichert. Bitte verwenden Sie die zuletzt gesendete Karte.";
    private DraftRoom room = null!;

    public async Task InitializeAsync() => room = await DraftRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    [Theory]
    [InlineData("draft.send", "{}")]
    [InlineData("draft.comment", "{}")]
    [InlineData("draft.comment", """{"agendaId":"AGENDA"}""")]
    [InlineData("draft.comments", """{"roundId":"r"}""")]
    [InlineData("measure.open", """{"agendaId":"AGENDA"}""")]
    [InlineData("measure.update", "{}")]
    [InlineData("measure.update", """{"measureId":"m-wlan","status":"Delayed"}""")]
    [InlineData("measures.askOwners", "{}")]
    public async Task A_click_missing_a_field_is_refused_with_a_clear_sentence(string verb, string data)
    {
        var payload = JsonNode.Parse(data.Replace("AGENDA", room.Room.TeamId, StringComparison.Ordinal))!.AsObject();

        var answer = await room.Room.ClickAsync(Lead, verb, payload);

        Assert.Equal(Incomplete, Said(answer));
    }
}
