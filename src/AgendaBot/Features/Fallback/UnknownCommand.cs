using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Contributions;

namespace AgendaBot.Features.Fallback;

/// <summary>
/// A message no command matched. A greeting or thanks gets a friendly word back; in the personal chat of someone who
/// takes part in a workshop, any other text is offered as a contribution (a preview: nothing is public before they
/// save it); otherwise the bot says it did not understand. The user's text is deliberately not echoed back.
/// </summary>
public sealed class UnknownCommand(PreviewContribution preview) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (SmallTalk.AnswerTo(turn.CommandText, turn.IsPersonalChat) is { } answer)
        {
            await turn.ReplyAsync(turn.Texts[answer], cancellationToken);
            return;
        }

        if (turn.IsPersonalChat && !string.IsNullOrWhiteSpace(turn.CommandText)
            && turn.Activity.TenantId is not null
            && await preview.OfferAsync(turn, turn.CommandText, cancellationToken))
        {
            return;
        }

        // In a channel or group chat the bot hears only messages that mention it, so the hint says how.
        await turn.ReplyAsync(turn.Texts[turn.IsPersonalChat ? TextKey.UnknownCommand : TextKey.UnknownCommandChannel], cancellationToken);
    }
}
