namespace AgendaBot.Bot.Routing;

/// <summary>The kinds of conversation Teams installs a bot in, named as in the Teams app manifest.</summary>
[Flags]
public enum CommandScopes
{
    Personal = 1,
    Team = 2,
    GroupChat = 4,
    Everywhere = Personal | Team | GroupChat,
}

/// <summary>
/// Where a command has something to do. The handler still checks the conversation itself and tells the user where to
/// go instead; this declaration is what the Teams manifest's command suggestions are checked against. A command
/// handler without it is meant for every kind of conversation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UsedInAttribute(CommandScopes scopes) : Attribute
{
    public CommandScopes Scopes { get; } = scopes;
}

/// <summary>A command as registered: its handler and keywords, the first being the one the help card names.</summary>
public sealed record RoutedCommand(Type Handler, IReadOnlyList<string> Keywords)
{
    public string MainKeyword => Keywords[0];

    public CommandScopes Scopes =>
        Handler.GetCustomAttributes(typeof(UsedInAttribute), inherit: false) is [UsedInAttribute usedIn] ? usedIn.Scopes : CommandScopes.Everywhere;
}
