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
    /// <summary>
    /// <see cref="Card"/> is the clicker's view. In Teams an answer to a click replaces the card for the clicker only;
    /// what everyone else sees changes only when the message is updated.
    /// </summary>
    public sealed record ReplaceCard(AdaptiveCard Card) : CardActionResult
    {
        /// <summary>The message as everyone sees it from now on (the router updates it); null: the message stays.</summary>
        public AdaptiveCard? ForEveryone { get; init; }

        /// <summary>
        /// The card shows the clicker's own state (their registration, their buttons): never put it into the message
        /// itself, also not for clients that only know Action.Submit. The handler updates the message for everyone.
        /// </summary>
        public bool OnlyForClicker { get; init; }
    }

    public sealed record Message(string Text) : CardActionResult;

    /// <summary>The card replaces the clicked one for everyone (a decision, a setup done): the same for all who see it.</summary>
    public static ReplaceCard ForAll(AdaptiveCard card) => new(card) { ForEveryone = card };
}
