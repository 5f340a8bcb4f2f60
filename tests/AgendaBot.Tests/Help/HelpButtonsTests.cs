using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgendaBot.Features;
using AgendaBot.Testing;
using AgendaBot.Tests.Workshops;
using static AgendaBot.Tests.Workshops.WorkshopRoom;

namespace AgendaBot.Tests.Help;

/// <summary>
/// The help card offers the next likely actions of the person in that place as buttons; each button sends a command
/// (Teams' messageBack), which the bot answers as if it had been typed.
/// </summary>
public sealed class HelpButtonsTests : IAsyncLifetime
{
    private WorkshopRoom room = null!;

    public async Task InitializeAsync() => room = await WorkshopRoom.OpenAsync();

    public async Task DisposeAsync() => await room.DisposeAsync();

    private static List<(string Title, string Command)> Buttons(JsonNode? card) => [.. card!["actions"]!.AsArray().Select(a =>
    {
        Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>());
        var back = a["data"]!["msteams"]!;
        Assert.Equal("messageBack", back["type"]!.GetValue<string>());
        Assert.Equal(back["text"]!.GetValue<string>(), back["displayText"]!.GetValue<string>());
        return (a["title"]!.GetValue<string>(), back["text"]!.GetValue<string>());
    })];

    private async Task<ConnectorCall> AnswerAsync(Func<Task> say)
    {
        var before = room.Connector.Calls.Count;
        await say();
        // The answer, not a pinboard or card redraw (an update) that happens to land meanwhile.
        return await Delivery.Eventually.ReturnsAsync(
            () => Task.FromResult(room.Connector.Calls.Skip(before).FirstOrDefault(c => c.Method == "POST")), c => c is not null) ?? throw new InvalidOperationException();
    }

    /// <summary>What Teams sends when a messageBack button is clicked in the channel: the text, no @mention.</summary>
    private async Task ClickMessageBackInChannelAsync(Person person, string text)
    {
        var activity = room.ChannelActivity(person, "message");
        activity["text"] = text;
        await room.Bot.Http.PostAsJsonAsync("api/messages", activity);
    }

    [Fact]
    public async Task Help_in_the_personal_chat_offers_my_measures_my_data_and_the_comments_as_buttons_that_work()
    {
        var help = await AnswerAsync(() => room.SayPersonallyAsync(Anna, "hilfe"));

        var buttons = Buttons(help.Card);
        Assert.Equal(["Maßnahmen", "Meine Daten", "Kommentare"], buttons.Select(b => b.Title));
        foreach (var (_, command) in buttons)
        {
            Assert.NotNull(FeatureRoutes.Build().CommandFor(command));
            var answer = await AnswerAsync(() => room.SayPersonallyAsync(Anna, command));
            Assert.DoesNotContain("nicht verstanden", answer.Text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_in_a_workshop_channel_offers_the_moderator_a_vote_and_everyone_the_stakeholders()
    {
        var workshop = await room.SetUpWorkshopAsync();
        await room.RegisterAsync(Anna, workshop);
        await room.ContributeAsync(Anna, workshop, 1, "Akten liegen noch auf Papier");

        var moderator = Buttons((await AnswerAsync(() => room.SayAsync(Lead, "hilfe"))).Card);
        var participant = Buttons((await AnswerAsync(() => room.SayAsync(Anna, "hilfe"))).Card);

        Assert.Equal([("Abstimmung vorbereiten", "abstimmung"), ("Akteure anzeigen", "akteure")], moderator);
        Assert.Equal([("Akteure anzeigen", "akteure")], participant);
        var vote = await AnswerAsync(() => ClickMessageBackInChannelAsync(Lead, "abstimmung"));
        Assert.True(vote.Card is not null, vote.Text);
        var stakeholders = await AnswerAsync(() => ClickMessageBackInChannelAsync(Anna, "akteure"));
        Assert.True(stakeholders.Card is not null, $"{stakeholders.Method} {stakeholders.Path}: {stakeholders.Text}");
    }

    [Fact]
    public async Task Help_in_a_channel_without_a_workshop_offers_the_agenda_and_opening_a_workshop()
    {
        var help = await AnswerAsync(() => room.SayAsync(Lead, "hilfe"));

        Assert.Equal([("Agenda öffnen", "agenda"), ("Workshop eröffnen", "workshop")], Buttons(help.Card));
    }
}
