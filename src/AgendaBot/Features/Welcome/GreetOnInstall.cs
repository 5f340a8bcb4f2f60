using AgendaBot.Bot.Routing;

namespace AgendaBot.Features.Welcome;

/// <summary>The bot was added to a personal chat, group chat or team: say hello once, with a short card.</summary>
public sealed class GreetOnInstall : IConversationUpdateHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.ReplyAsync(WelcomeCard.Render(turn.Texts, turn.IsPersonalChat), cancellationToken);
}
