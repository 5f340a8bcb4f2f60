namespace AgendaBot.Bot.Routing;

/// <summary>The conversation events the route table can bind handlers to.</summary>
public enum ConversationEvent
{
    /// <summary><c>installationUpdate</c> with action <c>add</c>: the bot was added to a personal chat, group chat or team.</summary>
    BotInstalled,

    /// <summary><c>installationUpdate</c> with action <c>remove</c>.</summary>
    BotUninstalled,

    /// <summary><c>conversationUpdate</c> with people (not the bot) in <c>membersAdded</c>.</summary>
    MembersAdded,

    /// <summary>
    /// A message or card action in a personal chat, raised after its own handler answered it (whether or not that
    /// handler was found); its handlers must not answer.
    /// </summary>
    PersonalChatTurn,
}
