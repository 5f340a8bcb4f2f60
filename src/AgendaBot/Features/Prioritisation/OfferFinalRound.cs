using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Measures;
using AgendaBot.Domain.Voting;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// "schlussrunde": in the steering group's channel or group chat the project lead gets the setup card — or, while a
/// round runs, its ballot again.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferFinalRound(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await access.LeadHereAsync(turn, cancellationToken) is not { } agenda)
        {
            return;
        }

        var plan = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (await rounds.GetOpenAsync(turn.Tenant, agenda.Id, cancellationToken) is { Value: var open })
        {
            var turnout = await rounds.TurnoutAsync(turn.Tenant, agenda.Id, open.Id, cancellationToken);
            await turn.ReplyAsync(PrioritisationCards.Ballot(open, plan, turnout, turn.Texts, note: turn.Texts[TextKey.FinalRoundAlreadyOpen]), cancellationToken);
            return;
        }

        var rated = plan.Count(m => m.Status != MeasureStatus.Dropped);
        // Dot voting takes the most measures; how many stars take is said when the round starts with its criteria.
        var most = FinalRound.MaxMeasures(VotingMethod.DotVoting, 0);
        if (rated is < 2 || rated > most)
        {
            await turn.ReplyAsync(rated < 2 ? turn.Texts[TextKey.FinalRoundTooFew] : turn.Texts.Format(TextKey.FinalRoundTooMany, most),
                cancellationToken);
            return;
        }

        await turn.ReplyAsync(PrioritisationCards.Setup(agenda.Id, rated, turn.Texts), cancellationToken);
    }
}
