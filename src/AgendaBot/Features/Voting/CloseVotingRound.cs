using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>"Abstimmung beenden": only moderators; the results are posted by whoever actually closes the round.</summary>
[Requires(WorkshopAction.CloseVotingRound)]
public sealed class CloseVotingRound(WorkshopFinder finder, WorkshopRepository workshops, VotingRepository voting, RoundCloser closer) : WorkshopCardHandler<RoundRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, RoundRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        if (await voting.GetRoundAsync(turn.Tenant, here.Value.Id, input.RoundId, cancellationToken) is null)
        {
            throw new DomainException(DomainErrorCode.NotFound, "round");
        }

        var (round, closedNow) = await closer.CloseAsync(turn.Tenant, here.Value.Id, input.RoundId, cancellationToken);
        if (!closedNow)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.ErrorRoundClosed]);
        }

        var contributions = await workshops.GetContributionsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        return new CardActionResult.ReplaceCard(BallotCard.Render(round, here.Value, contributions, round.Results?.Ballots ?? 0,
            here.Value.ParticipantCount, SharedTexts.For(here.Value)));
    }
}
