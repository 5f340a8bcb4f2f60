using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Localization;
using AgendaBot.Routing;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>"@AgendaBot abstimmung": a moderator gets the card to start a round on the current step's contributions.</summary>
public sealed class OfferVotingRound(WorkshopFinder finder, WorkshopRepository workshops) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
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
