using AgendaBot.Localization;
using AgendaBot.Routing;

namespace AgendaBot.Features.Fallback;

/// <summary>A message no command matched. The user's text is deliberately not echoed back.</summary>
public sealed class UnknownCommand : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.ReplyAsync(turn.Texts[TextKey.UnknownCommand], cancellationToken);
}
