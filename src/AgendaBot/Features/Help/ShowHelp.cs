using AgendaBot.Bot.Routing;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Help;

/// <summary>The user typed <c>hilfe</c> / <c>help</c>.</summary>
public sealed class ShowHelp(WorkshopFinder finder, ChannelSteering channels) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        await turn.ReplyAsync(HelpCard.Render(turn.Texts, turn.IsPersonalChat, await HelpButtons.PlaceOfAsync(turn, finder, channels, cancellationToken)),
            cancellationToken);
}
