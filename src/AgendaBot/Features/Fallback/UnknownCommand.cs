using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Features.Contributions;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Fallback;

/// <summary>
/// A message no command matched. In a personal chat of someone registered for a workshop it is their contribution;
/// otherwise the bot says it did not understand. The user's text is deliberately not echoed back.
/// </summary>
public sealed class UnknownCommand(WorkshopFinder finder, ContributeFromChat contribute) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat && !string.IsNullOrWhiteSpace(turn.CommandText)
            && turn.Activity.TenantId is not null
            && await finder.FindHereAsync(turn, cancellationToken) is { Role: not null } here)
        {
            await contribute.ContributeAsync(turn, here, turn.CommandText, cancellationToken);
            return;
        }

        // In a channel or group chat the bot hears only messages that mention it, so the hint says how.
        await turn.ReplyAsync(turn.Texts[turn.IsPersonalChat ? TextKey.UnknownCommand : TextKey.UnknownCommandChannel], cancellationToken);
    }
}
