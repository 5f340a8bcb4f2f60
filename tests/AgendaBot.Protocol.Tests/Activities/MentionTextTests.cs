using System.Text.Json;
using AgendaBot.Protocol.Activities;

namespace AgendaBot.Protocol.Tests.Activities;

/// <summary>The command text is the message without the bot's own @mention — and nothing else removed.</summary>
public sealed class MentionTextTests
{
    private const string BotId = TeamsPayloads.BotId;
    private const string BotMention = "<at>AgendaBot</at>";
    private const string JonasMention = "<at>Jonas Weber</at>";

    private static readonly Entity MentionOfBot = Entity.ForMention(new ChannelAccount { Id = BotId, Name = "AgendaBot" }, BotMention);
    private static readonly Entity MentionOfJonas = Entity.ForMention(new ChannelAccount { Id = "29:2JonasWeber", Name = "Jonas Weber" }, JonasMention);

    private static Activity Message(string text, params Entity[] entities) => new() { Text = text, Entities = entities };

    [Fact]
    public void The_bots_mention_is_removed()
    {
        var message = Message($"{BotMention} help", MentionOfBot);

        Assert.Equal("help", MentionText.WithoutMentionOf(message, BotId));
    }

    [Fact]
    public void Other_peoples_mentions_are_kept()
    {
        var message = Message($"{BotMention} assign {JonasMention} to the budget", MentionOfBot, MentionOfJonas);

        Assert.Equal($"assign {JonasMention} to the budget", MentionText.WithoutMentionOf(message, BotId));
    }

    [Fact]
    public void Line_breaks_the_author_typed_are_kept()
    {
        var message = Message($"{BotMention} add\nBudget 2025\r\nStaffing", MentionOfBot);

        Assert.Equal("add\nBudget 2025\r\nStaffing", MentionText.WithoutMentionOf(message, BotId));
    }

    [Fact]
    public void A_mention_in_the_middle_leaves_a_single_space()
    {
        var message = Message($"please {BotMention} show the agenda", MentionOfBot);

        Assert.Equal("please show the agenda", MentionText.WithoutMentionOf(message, BotId));
    }

    [Fact]
    public void Without_mention_entities_nothing_is_guessed_away()
    {
        var message = Message($"  {BotMention} help ");

        Assert.Equal($"{BotMention} help", MentionText.WithoutMentionOf(message, BotId));
    }

    [Fact]
    public void The_mention_read_from_Teams_JSON_is_removed()
    {
        var message = JsonSerializer.Deserialize(TeamsPayloads.ChannelMessage, ProtocolJson.Context.Activity)!;

        Assert.Equal($"add {JonasMention} to the agenda\nBudget 2025", MentionText.WithoutMentionOf(message, message.Recipient?.Id));
    }

    [Fact]
    public void A_message_mentioning_the_bot_is_recognised()
    {
        Assert.True(MentionText.Mentions(Message($"{BotMention} help", MentionOfBot), BotId));
    }

    [Fact]
    public void A_message_mentioning_only_someone_else_is_not_for_the_bot()
    {
        Assert.False(MentionText.Mentions(Message($"{JonasMention} see this", MentionOfJonas), BotId));
    }
}
