using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// "Stimmen einsehen": who voted what in a named round — for moderators only, and sent to their personal chat so that
/// it is never shown in the channel.
/// </summary>
[Requires(WorkshopAction.CloseVotingRound)]
public sealed class ShowVoteDetails(
    WorkshopFinder finder, WorkshopRepository workshops, VotingRepository voting, ConversationReferenceRepository references, Poster poster) : WorkshopCardHandler<RoundRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, RoundRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        var round = (await voting.GetRoundAsync(turn.Tenant, here.Value.Id, input.RoundId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        if (round.Anonymous)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.VoteDetailsAnonymous]);
        }

        if (await references.FindPersonalChatAsync(turn.Tenant, turn.User.Id, cancellationToken) is not { } chat)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.VoteDetailsNoChat]);
        }

        var names = (await workshops.GetParticipantsAsync(turn.Tenant, here.Value.Id, cancellationToken)).ToDictionary(p => p.User.Id, p => p.User.Name);
        var ballots = (await voting.GetBallotsAsync(turn.Tenant, here.Value.Id, round.Id, cancellationToken))
            .Select(b => (names.GetValueOrDefault(b.VoterId ?? string.Empty, b.VoterId ?? "?"), b)).ToList();
        await poster.Now.PostAsync(chat.ServiceUrl, chat.ConversationId, ResultsCard.Details(round, ballots, turn.Texts), turn.Texts, cancellationToken);
        return new CardActionResult.Message(turn.Texts[TextKey.VoteDetailsSent]);
    }
}
