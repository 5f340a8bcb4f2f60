using System.Text.Json.Nodes;

namespace AgendaBot.EndToEnd.Tests;

/// <summary>
/// Anna Schulz talks to AgendaBot through the real Microsoft 365 Agents Playground, in her personal chat and in the
/// team "Digitale Agenda Hagenow". Everything between her and the bot is real: HTTP, JSON, the mock connector.
/// </summary>
public sealed class ConversationsInThePlaygroundTests(TeamsPlayground teams) : IClassFixture<TeamsPlayground>
{
    private const string WelcomeTitle = "Willkommen bei AgendaBot";
    private const string HelpTitle = "So arbeiten Sie mit AgendaBot";

    [Fact]
    public async Task Installing_the_bot_in_the_personal_chat_greets_Anna_with_the_German_welcome_card()
    {
        var welcome = await teams.InstallAsync(teams.PersonalChat);

        Assert.Equal(BotMessage.Created, welcome.Action);
        Assert.Equal(WelcomeTitle, welcome.CardTitle);
        Assert.Equal("de", welcome.CardLanguage);
        var button = welcome.Card?["actions"]?[0];
        Assert.Equal("Hilfe anzeigen", button?["title"]?.GetValue<string>());
        Assert.Equal("help.show", button?["verb"]?.GetValue<string>());
    }

    [Fact]
    public async Task Hilfe_in_the_personal_chat_is_answered_with_the_help_card()
    {
        await teams.InstallAsync(teams.PersonalChat);

        var answer = await teams.SayAsync(teams.PersonalChat, "hilfe");

        Assert.Equal(HelpTitle, answer.CardTitle);
        Assert.Equal("de", answer.CardLanguage);
    }

    [Fact]
    public async Task Mentioning_the_bot_with_hilfe_in_Workshop_Verwaltung_answers_with_the_help_card_in_that_channel()
    {
        await teams.InstallAsync(teams.Team);
        var workshopChannel = teams.Channel("Workshop Verwaltung");

        var answer = await teams.MentionAsync(workshopChannel, "hilfe");

        // The mention was stripped, or "<at>AgendaBot</at> hilfe" would have been answered with "nicht verstanden".
        Assert.Equal(HelpTitle, answer.CardTitle);
        // Anna's message opened a thread in the channel; the answer belongs in it.
        Assert.StartsWith(workshopChannel + ";messageid=", answer.ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_the_bot_does_not_know_is_answered_in_German_that_it_was_not_understood()
    {
        await teams.InstallAsync(teams.PersonalChat);

        var answer = await teams.SayAsync(teams.PersonalChat, "Wann ist der nächste Workshop?");

        Assert.Null(answer.Card);
        Assert.Contains("nicht verstanden", answer.Text, StringComparison.Ordinal);
        // The user's words are deliberately not echoed back.
        Assert.DoesNotContain("Workshop", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_Hilfe_anzeigen_on_the_welcome_card_turns_it_into_the_help_card()
    {
        var welcome = await teams.InstallAsync(teams.PersonalChat);

        var response = await teams.Api.ExecuteAsync(teams.PersonalChat, welcome.MessageId, "help.show");

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        Assert.Equal(HelpTitle, response["value"]?["body"]?[0]?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Clicking_the_Action_Submit_fallback_of_Hilfe_anzeigen_updates_the_welcome_card_to_the_help_card()
    {
        var welcome = await teams.InstallAsync(teams.PersonalChat);
        teams.DiscardUnread(teams.PersonalChat);

        await teams.Api.SubmitAsync(teams.PersonalChat, welcome.MessageId, new JsonObject { ["verb"] = "help.show" });
        var update = await teams.NextMessageAsync(teams.PersonalChat);

        Assert.Equal(BotMessage.Updated, update.Action);
        Assert.Equal(welcome.MessageId, update.MessageId);
        Assert.Equal(HelpTitle, update.CardTitle);
    }
}
