using System.Text.Json;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Bot.Routing;

/// <summary>A chat command such as <c>hilfe</c>; <paramref name="arguments"/> is the text after the keyword.</summary>
public interface ICommandHandler
{
    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>A card button (<c>Action.Execute</c> verb, or the same verb from an <c>Action.Submit</c> fallback).</summary>
public interface ICardActionHandler
{
    Task<CardActionResult> HandleAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken);
}

/// <summary>
/// A card button whose data the route table reads into <typeparamref name="TPayload"/> before the handler runs, after it
/// checked where the verb may be used (<see cref="UsedInAttribute"/>). Data that does not parse is refused there.
/// </summary>
public interface ICardActionHandler<in TPayload>
{
    Task<CardActionResult> HandleAsync(TurnContext turn, TPayload payload, CancellationToken cancellationToken);
}

/// <summary>Something happened to the conversation: the bot was installed, members joined, a channel was renamed.</summary>
public interface IConversationUpdateHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What a card action answers: a card that replaces the one clicked, or a short message.</summary>
public abstract record CardActionResult
{
    public sealed record ReplaceCard(AdaptiveCard Card) : CardActionResult;

    public sealed record Message(string Text) : CardActionResult;
}
