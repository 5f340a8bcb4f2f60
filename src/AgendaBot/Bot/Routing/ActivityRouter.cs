using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Protocol;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Cards;

namespace AgendaBot.Bot.Routing;

/// <summary>
/// Hands one activity to the handler the route table names. Returns the body for the HTTP response of an invoke,
/// or null when the activity is answered through the connector (or not at all).
/// </summary>
public sealed partial class ActivityRouter(RouteTable routes, IServiceProvider services, ILogger<ActivityRouter> logger)
{
    public async Task<AdaptiveCardInvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                await AfterPersonalTurnAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                var response = await OnExecuteAsync(turn, cancellationToken);
                await AfterPersonalTurnAsync(turn, cancellationToken);
                return response;
            case ActivityTypes.InstallationUpdate:
                await RaiseAsync(turn, InstallationEvent(activity.Action), cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await RaiseAsync(turn, MembersEvent(activity), cancellationToken);
                return null;
            default:
                LogIgnored(logger, activity.Type, activity.Name);
                return null;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // An Action.Submit (the fallback of every Action.Execute) arrives as a message whose value names the verb.
        if (SubmitData.VerbOf(turn.Activity.Value) is { } verb)
        {
            var result = await RunVerbAsync(turn, verb, turn.Activity.Value, cancellationToken);
            await DeliverSubmitResultAsync(turn, result, cancellationToken);
            return;
        }

        var matched = routes.Match(turn.CommandText);
        var (handlerType, arguments) = matched ?? (routes.FallbackHandler, turn.CommandText);
        turn.Route = matched is null ? null : handlerType.Name;
        var handler = (ICommandHandler)services.GetRequiredService(handlerType);
        await handler.HandleAsync(turn, arguments, cancellationToken);
    }

    private async Task<AdaptiveCardInvokeResponse> OnExecuteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        AdaptiveCardInvokeValue? value = null;
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                value = raw.Deserialize(ProtocolJson.Context.AdaptiveCardInvokeValue);
            }
            catch (JsonException)
            {
                // A value that is not an invoke value is answered like an unknown verb below.
            }
        }

        var verb = value?.Action?.Verb;
        var result = verb is null
            ? new CardActionResult.Message(turn.Texts[TextKey.UnknownCardAction])
            : await RunVerbAsync(turn, verb, value?.Action?.Data, cancellationToken);
        if (result is CardActionResult.ReplaceCard { ForEveryone: { } shared } && !turn.IsPersonalChat
            && turn.Activity.ReplyToId is { Length: > 0 } cardMessage)
        {
            await turn.UpdateCardAsync(cardMessage, shared, cancellationToken);
        }

        return result switch
        {
            CardActionResult.ReplaceCard replace => AdaptiveCardInvokeResponse.Card(CardAttachments.ToJson(replace.Card)),
            CardActionResult.Message message => AdaptiveCardInvokeResponse.Message(message.Text),
            _ => throw new InvalidOperationException($"Unknown card action result {result.GetType().Name}."),
        };
    }

    private async Task<CardActionResult> RunVerbAsync(
        TurnContext turn, string verb, JsonElement? data, CancellationToken cancellationToken)
    {
        if (routes.VerbFor(verb) is not { } route)
        {
            LogUnknownVerb(logger, verb);
            return new CardActionResult.Message(turn.Texts[TextKey.UnknownCardAction]);
        }

        turn.Route = verb;
        // Checked before the data is read or anything is stored: a card posted (or forged) where the verb has no place.
        if (!route.Scopes.HasFlag(turn.Scope))
        {
            return new CardActionResult.Message(turn.Texts[route.Elsewhere]);
        }

        return await route.Run(services.GetRequiredService(route.Handler), turn, data, cancellationToken);
    }

    private static async Task DeliverSubmitResultAsync(TurnContext turn, CardActionResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            // Without Universal Actions there are no views per person: the message shows what everyone may see.
            case CardActionResult.ReplaceCard { OnlyForClicker: true, ForEveryone: null }:
                break;
            case CardActionResult.ReplaceCard replace when !string.IsNullOrEmpty(turn.Activity.ReplyToId):
                await turn.UpdateCardAsync(turn.Activity.ReplyToId, replace.ForEveryone ?? replace.Card, cancellationToken);
                break;
            case CardActionResult.ReplaceCard replace:
                await turn.ReplyAsync(replace.ForEveryone ?? replace.Card, cancellationToken);
                break;
            case CardActionResult.Message message:
                await turn.ReplyAsync(message.Text, cancellationToken);
                break;
        }
    }

    private async Task RaiseAsync(TurnContext turn, ConversationEvent? conversationEvent, CancellationToken cancellationToken)
    {
        if (conversationEvent is not { } raised)
        {
            LogIgnored(logger, turn.Activity.Type, turn.Activity.ChannelData?.EventType ?? turn.Activity.Action);
            return;
        }

        var handlers = routes.HandlersFor(raised);
        turn.Route = handlers.Count > 0 ? raised.ToString() : null;
        foreach (var handlerType in handlers)
        {
            var handler = (IConversationUpdateHandler)services.GetRequiredService(handlerType);
            await handler.HandleAsync(turn, cancellationToken);
        }
    }

    // Not RaiseAsync: the turn's route is the handler that answered, not this.
    private async Task AfterPersonalTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonalChat)
        {
            return;
        }

        foreach (var handlerType in routes.HandlersFor(ConversationEvent.PersonalChatTurn))
        {
            await ((IConversationUpdateHandler)services.GetRequiredService(handlerType)).HandleAsync(turn, cancellationToken);
        }
    }

    private static ConversationEvent? InstallationEvent(string? action) => action switch
    {
        InstallationActions.Add => ConversationEvent.BotInstalled,
        InstallationActions.Remove => ConversationEvent.BotUninstalled,
        _ => null,
    };

    // The bot itself in membersAdded is announced again by installationUpdate; greeting on both would say hello twice.
    private static ConversationEvent? MembersEvent(Activity activity) =>
        activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true ? ConversationEvent.MembersAdded : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored activity {Type} ({Name})")]
    private static partial void LogIgnored(ILogger logger, string type, string? name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card verb {Verb} has no handler")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);
}
