using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Conversations;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Conversations;

/// <summary>
/// A person wrote or clicked in their personal chat: if their client now speaks another language than the one
/// remembered, posts they did not ask for switch to it. One read per such turn; a write only on a change. A failure
/// here is logged and does not spoil the turn: the answer has already gone out.
/// </summary>
public sealed partial class RememberLanguage(
    ConversationReferenceRepository references, IOptions<BotLocalizationOptions> localization, ILogger<RememberLanguage> logger)
    : IConversationUpdateHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (BotCulture.LanguageOf(turn.Activity, localization.Value) is not { } language)
        {
            return;
        }

        try
        {
            await references.UpdateLanguageAsync(turn.Tenant, turn.ConversationId, language, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogNotRemembered(logger, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember the language of a personal chat; proactive posts keep the one stored before")]
    private static partial void LogNotRemembered(ILogger logger, Exception failure);
}
