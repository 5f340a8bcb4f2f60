using System.Text.Json.Serialization.Metadata;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Bot.Routing;

/// <summary>
/// Which handler answers which command keyword, card verb and conversation event. Built once at start-up;
/// a keyword or verb registered twice is a programming error and stops the start.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, Type> commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RoutedVerb> verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<ConversationEvent, List<Type>> events = [];
    private readonly List<RoutedCommand> routedCommands = [];
    private Type? fallback;

    public RouteTable Command<THandler>(params string[] keywords) where THandler : ICommandHandler
    {
        foreach (var keyword in keywords)
        {
            if (!commands.TryAdd(keyword, typeof(THandler)))
            {
                throw new InvalidOperationException($"The command '{keyword}' is registered twice.");
            }
        }

        routedCommands.Add(new RoutedCommand(typeof(THandler), [.. keywords]));
        return this;
    }

    /// <summary>The handler for a message that names no command: the table decides, so the router knows no feature.</summary>
    public RouteTable Fallback<THandler>() where THandler : ICommandHandler
    {
        if (fallback is not null)
        {
            throw new InvalidOperationException("The fallback command handler is registered twice.");
        }

        fallback = typeof(THandler);
        return this;
    }

    /// <summary>A card verb whose button carries nothing the handler reads.</summary>
    public RouteTable Verb<THandler>(string verb) where THandler : ICardActionHandler =>
        AddVerb(verb, new RoutedVerb(typeof(THandler), (handler, turn, data, ct) => ((ICardActionHandler)handler).HandleAsync(turn, data, ct)));

    /// <summary>A card verb whose data is read into <typeparamref name="TPayload"/> before the handler runs.</summary>
    public RouteTable Verb<THandler, TPayload>(string verb, JsonTypeInfo<TPayload> payload)
        where THandler : ICardActionHandler<TPayload>
        where TPayload : class =>
        AddVerb(verb, new RoutedVerb(typeof(THandler),
            (handler, turn, data, ct) => ((ICardActionHandler<TPayload>)handler).HandleAsync(turn, CardPayload.Read(data, payload), ct)));

    private RouteTable AddVerb(string verb, RoutedVerb route)
    {
        if (!verbs.TryAdd(verb, route))
        {
            throw new InvalidOperationException($"The card verb '{verb}' is registered twice.");
        }

        return this;
    }

    public RouteTable On<THandler>(ConversationEvent conversationEvent) where THandler : IConversationUpdateHandler
    {
        if (!events.TryGetValue(conversationEvent, out var handlers))
        {
            events[conversationEvent] = handlers = [];
        }

        if (handlers.Contains(typeof(THandler)))
        {
            throw new InvalidOperationException($"{typeof(THandler).Name} is bound to {conversationEvent} twice.");
        }

        handlers.Add(typeof(THandler));
        return this;
    }

    /// <summary>The commands in the order they were registered.</summary>
    public IReadOnlyList<RoutedCommand> Commands => routedCommands;

    public Type? CommandFor(string keyword) => commands.GetValueOrDefault(keyword);

    /// <summary>
    /// The command a message starts with, longest keyword first so that "daten löschen" is not read as "daten",
    /// and the text after it.
    /// </summary>
    public (Type Handler, string Arguments)? Match(string text)
    {
        foreach (var keyword in commands.Keys.OrderByDescending(k => k.Length))
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
                && (text.Length == keyword.Length || char.IsWhiteSpace(text[keyword.Length])))
            {
                return (commands[keyword], text[keyword.Length..].Trim());
            }
        }

        return null;
    }

    public Type FallbackHandler => fallback ?? throw new InvalidOperationException("The route table has no fallback command handler.");

    public RoutedVerb? VerbFor(string verb) => verbs.GetValueOrDefault(verb);

    public IReadOnlyList<Type> HandlersFor(ConversationEvent conversationEvent) =>
        events.TryGetValue(conversationEvent, out var handlers) ? handlers : [];

    public IEnumerable<Type> AllHandlerTypes =>
        commands.Values.Concat(verbs.Values.Select(v => v.Handler)).Concat(events.Values.SelectMany(h => h))
            .Concat(fallback is null ? [] : [fallback]).Distinct();
}
