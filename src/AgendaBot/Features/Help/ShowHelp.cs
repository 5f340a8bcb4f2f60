using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Help;

/// <summary>The user typed <c>hilfe</c> / <c>help</c>.</summary>
public sealed class ShowHelp : ICommandHandler
{
    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.ReplyAsync(HelpCard.Render(turn.Texts, turn.IsPersonalChat), cancellationToken);
}
