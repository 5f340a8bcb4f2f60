using System.Collections.Concurrent;
using System.Reflection;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features;

namespace AgendaBot.Features.Workshops;

/// <summary>A card payload that names the workshop it was posted for — a claim the server checks.</summary>
// Seam: every feature's workshop cards name their workshop this way.
[Seam]
public interface IWorkshopCard
{
    string WorkshopId { get; }
}

/// <summary>What the person clicking must be allowed to do in the workshop, whatever the card claims.</summary>
// Seam: every feature's workshop card handlers declare their action with it.
[Seam]
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(WorkshopAction action) : Attribute
{
    public WorkshopAction Action { get; } = action;

    /// <summary>The action a handler declares; one without is a programming error (a test checks every route).</summary>
    public static WorkshopAction Of(Type handler) =>
        handler.GetCustomAttribute<RequiresAttribute>()?.Action
        ?? throw new InvalidOperationException($"{handler.Name} declares no [Requires] workshop action.");
}

/// <summary>
/// The check every workshop card needs, done once before the handler's own work: the workshop the card names must be
/// the one of the conversation the click came from (or the person's own in a personal chat), and the person's role
/// must allow the handler's <see cref="RequiresAttribute"/> action. Where the verb may be used is checked even
/// earlier, by the route table (<see cref="UsedInAttribute"/>).
/// </summary>
// Seam: the one check before every feature's workshop card handler.
[Seam]
public abstract class WorkshopCardHandler<TPayload>(WorkshopFinder finder) : ICardActionHandler<TPayload>
    where TPayload : IWorkshopCard
{
    private static readonly ConcurrentDictionary<Type, WorkshopAction> Required = new();

    public async Task<CardActionResult> HandleAsync(TurnContext turn, TPayload payload, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, payload.WorkshopId, cancellationToken);
        here.Require(Required.GetOrAdd(GetType(), RequiresAttribute.Of));
        return await HandleAsync(turn, payload, here, cancellationToken);
    }

    /// <summary>The handler's own work, for a person the workshop's rules allow to do it.</summary>
    protected abstract Task<CardActionResult> HandleAsync(TurnContext turn, TPayload payload, WorkshopContext here, CancellationToken cancellationToken);
}
