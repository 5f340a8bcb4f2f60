using System.Text.Json;
using AgendaBot.Bot.Localization;

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
/// Where a command or card verb has something to do. For a command the handler still checks the conversation itself
/// and tells the user where to go instead, and this declaration is what the Teams manifest's command suggestions are
/// checked against. For a card verb the router refuses a click from elsewhere with <see cref="Elsewhere"/> before
/// the handler runs or anything is read. A handler without it is meant for every kind of conversation.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UsedInAttribute(CommandScopes scopes) : Attribute
{
    public CommandScopes Scopes { get; } = scopes;

    /// <summary>The text (a <see cref="TextKey"/>) a card click from another kind of conversation is answered with.</summary>
    public string Elsewhere { get; init; } = TextKey.UnknownCardAction;

    public static UsedInAttribute? Of(Type handler) =>
        handler.GetCustomAttributes(typeof(UsedInAttribute), inherit: false) is [UsedInAttribute usedIn] ? usedIn : null;
}

/// <summary>A card verb as registered: its handler, and how the router runs it once the data is read.</summary>
public sealed record RoutedVerb(
    Type Handler, Func<object, TurnContext, JsonElement?, CancellationToken, Task<CardActionResult>> Run)
{
    // Read once at registration: the router asks on every click, ballots included.
    private readonly UsedInAttribute? usedIn = UsedInAttribute.Of(Handler);

    public CommandScopes Scopes => usedIn?.Scopes ?? CommandScopes.Everywhere;

    public string Elsewhere => usedIn?.Elsewhere ?? TextKey.UnknownCardAction;
}

/// <summary>A command as registered: its handler and keywords, the first being the one the help card names.</summary>
public sealed record RoutedCommand(Type Handler, IReadOnlyList<string> Keywords)
{
    public string MainKeyword => Keywords[0];

    public CommandScopes Scopes =>
        UsedInAttribute.Of(Handler)?.Scopes ?? CommandScopes.Everywhere;
}
