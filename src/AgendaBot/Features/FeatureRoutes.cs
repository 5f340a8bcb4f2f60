using AgendaBot.Features.Conversations;
using AgendaBot.Features.Fallback;
using AgendaBot.Features.PersonalData;
using AgendaBot.Features.Help;
using AgendaBot.Features.Welcome;
using AgendaBot.Routing;

namespace AgendaBot.Features;

/// <summary>The one place where user intents are bound to their handlers.</summary>
public static class FeatureRoutes
{
    public static RouteTable Build() => new RouteTable()
        .Command<ShowHelp>("hilfe", "help", "?")
        .Command<ShowMyData>("meine daten", "my data")
        .Command<AskToEraseMyData>("daten löschen", "delete my data")
        .Verb<ShowHelpFromCard>(CardVerbs.ShowHelp)
        .Verb<EraseMyData>(CardVerbs.ErasePersonalData)
        // Greet first: the greeting must not depend on storage being reachable.
        .On<GreetOnInstall>(ConversationEvent.BotInstalled)
        .On<RememberConversation>(ConversationEvent.BotInstalled)
        .On<RememberConversation>(ConversationEvent.MembersAdded);

    /// <summary>Handlers the router falls back to without a route.</summary>
    public static IEnumerable<Type> FallbackHandlers => [typeof(UnknownCommand)];
}
