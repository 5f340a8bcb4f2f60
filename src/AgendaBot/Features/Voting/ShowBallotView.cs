using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Voting;

namespace AgendaBot.Features.Voting;

/// <summary>
/// Teams asks for a person's own view of the ballot card (its refresh names the people who moderate): they get it
/// with "Abstimmung beenden"; anyone else gets the card everyone sees.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.VoteOnlyInChannel)]
public sealed class ShowBallotView(WorkshopFinder finder, BallotReads reads) : ICardActionHandler<RoundRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, RoundRef input, CancellationToken cancellationToken)
    {
        var here = await finder.RequireFromCardAsync(turn, input.WorkshopId, cancellationToken);
        var scene = await reads.ReadCardSceneAsync(turn.Tenant, here.Value.Id, input.RoundId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var workshop = scene.Workshop ?? here.Value;
        var round = scene.Round.Round;
        var turnout = round.State == RoundState.Closed ? round.Results?.Ballots ?? 0 : scene.Round.Turnout;
        return new CardActionResult.ReplaceCard(BallotCard.Render(round, workshop, scene.Contributions, turnout, workshop.ParticipantCount,
            SharedTexts.For(workshop), moderating: here.Moderates))
        {
            OnlyForClicker = true,
        };
    }
}
