using System.Text.Json.Nodes;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using AgendaBot.Tests.Workshops;
using Microsoft.Extensions.DependencyInjection;
using static AgendaBot.Tests.Voting.VotingRoom;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Voting;

/// <summary>
/// A round is started where everyone taking part sees its ballot: the workshop's channel. The project lead here has
/// registered for the workshop too, so their personal chat names it — what a personal chat would otherwise act on.
/// </summary>
public sealed class VotingPlaceTests
{
    private const string GermanPointer =
        "Eine Abstimmung starten Sie im Kanal oder Gruppenchat des Workshops: dort sehen alle Teilnehmenden den Stimmzettel. "
        + "Schreiben Sie dort „@AgendaBot abstimmung“.";

    private const string EnglishPointer =
        "You start a vote in the workshop's channel or group chat: everyone taking part sees the ballot there. Write “@AgendaBot vote” there.";

    [Fact]
    public async Task Abstimmung_in_the_personal_chat_points_to_the_channel()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await LeadTakingPartAsync(room);

        var before = room.Connector.Calls.Count;
        await room.SayPersonallyAsync(Lead, "abstimmung");

        var answer = Assert.Single(room.Connector.Calls.Skip(before));
        Assert.Equal(GermanPointer, answer.Text);
        Assert.True(InLeadsPersonalChat(answer));
        Assert.DoesNotContain(room.Connector.Calls.Skip(before), c => OffersVerb(c.Card, "vote.start"));
    }

    [Fact]
    public async Task Vote_in_the_personal_chat_of_an_English_client_points_to_the_channel_in_English()
    {
        await using var room = await WorkshopRoom.OpenAsync(locale: "en-US");
        await LeadTakingPartAsync(room);

        var before = room.Connector.Calls.Count;
        await room.SayPersonallyAsync(Lead, "vote");

        var answer = Assert.Single(room.Connector.Calls.Skip(before));
        Assert.Equal(EnglishPointer, answer.Text);
        Assert.DoesNotContain(room.Connector.Calls.Skip(before), c => OffersVerb(c.Card, "vote.start"));
    }

    [Fact]
    public async Task Abstimmung_in_the_channel_still_offers_the_set_up_card()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        await LeadTakingPartAsync(room);

        await room.SayAsync(Lead, "abstimmung");

        Assert.True(OffersVerb(room.Connector.Calls[^1].Card, "vote.start"));
    }

    [Fact]
    public async Task Starting_a_round_from_a_personal_chat_is_refused_and_stores_nothing()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var workshop = await LeadTakingPartAsync(room);

        var before = room.Connector.Calls.Count;
        var answer = await room.ClickPersonallyAsync(Lead, "vote.start", new JsonObject
        {
            ["workshopId"] = workshop, ["step"] = 1, ["items"] = "1,2,3", ["method"] = "stars", ["criteria"] = "Bewertung",
            ["points"] = "5", ["maxPerItem"] = "3", ["anonymous"] = "false", ["minutes"] = "30",
        });

        Assert.Equal(GermanPointer, answer["value"]?.GetValue<string>());
        Assert.Empty(room.Connector.Calls.Skip(before));
        var rounds = await room.Bot.Services.GetRequiredService<VotingRepository>().GetRoundsAsync(new TenantScope(room.TenantId), workshop);
        Assert.Empty(rounds);
    }

    [Fact]
    public async Task The_same_payload_from_the_channel_starts_the_round_there()
    {
        await using var room = await WorkshopRoom.OpenAsync();
        var workshop = await LeadTakingPartAsync(room);

        await StartAsync(room, workshop);

        var rounds = await room.Bot.Services.GetRequiredService<VotingRepository>().GetRoundsAsync(new TenantScope(room.TenantId), workshop);
        Assert.Single(rounds);
        Assert.DoesNotContain(room.Connector.Calls, InLeadsPersonalChat);
    }

    private static async Task<string> LeadTakingPartAsync(WorkshopRoom room)
    {
        var workshop = await PrepareAsync(room);
        await room.RegisterAsync(Lead, workshop, "PublicAdministration");
        return workshop;
    }

    private static bool InLeadsPersonalChat(Testing.ConnectorCall call) =>
        call.Path.Contains(Uri.EscapeDataString(PersonalChatOf(Lead)), StringComparison.Ordinal)
        || call.Path.Contains(PersonalChatOf(Lead), StringComparison.Ordinal);

    private static bool OffersVerb(JsonNode? card, string verb) =>
        card?["actions"] is JsonArray actions && actions.Any(a => a?["verb"]?.GetValue<string>() == verb);
}
