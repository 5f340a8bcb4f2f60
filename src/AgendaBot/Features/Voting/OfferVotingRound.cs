using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// "@AgendaBot abstimmung" in the workshop's channel or group chat: a moderator gets the card to start a round on the
/// current step's contributions. The ballot is posted where the round is started, so a personal chat — where nobody else
/// could vote — gets only a pointer to the channel.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferVotingRound(WorkshopFinder finder, WorkshopRepository workshops) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.VoteOnlyInChannel], cancellationToken);
            return;
        }

        var here = await finder.RequireHereAsync(turn, cancellationToken);
        here.Require(WorkshopAction.StartVotingRound);
        var items = (await workshops.GetContributionsAsync(turn.Tenant, here.Value.Id, cancellationToken))
            .Where(c => c.Step == here.Value.CurrentStep && !c.Hidden).ToList();
        if (items.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.VoteNoItems], cancellationToken);
            return;
        }

        await turn.ReplyAsync(VotingSetupCard.Render(here.Value, items, turn.Texts), cancellationToken);
    }
}
