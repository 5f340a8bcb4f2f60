using AgendaBot.Features.Fallback;
using AgendaBot.Features.Help;
using AgendaBot.Features.Welcome;
using AgendaBot.Routing;

namespace AgendaBot.Features;

/// <summary>The one place where user intents are bound to their handlers.</summary>
public static class FeatureRoutes
{
    public static RouteTable Build() => new RouteTable()
        .Command<ShowHelp>("hilfe", "help", "?")
        .Verb<ShowHelpFromCard>(CardVerbs.ShowHelp)
        .On<GreetOnInstall>(ConversationEvent.BotInstalled);

    /// <summary>Handlers the router falls back to without a route.</summary>
    public static IEnumerable<Type> FallbackHandlers => [typeof(UnknownCommand)];
}
