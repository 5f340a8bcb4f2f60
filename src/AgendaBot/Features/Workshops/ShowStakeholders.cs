using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "@AgendaBot akteure": the stakeholder balance of this channel's workshop. The card names people, so where it was
/// posted is remembered (the latest few), to draw it again without a person who is erased.
/// </summary>
public sealed class ShowStakeholders(WorkshopFinder finder, WorkshopRepository workshops) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var here = await finder.RequireHereAsync(turn, cancellationToken);
        var participants = await workshops.GetParticipantsAsync(turn.Tenant, here.Value.Id, cancellationToken);
        var posted = await turn.ReplyAsync(RegistrationCard.Render(here.Value, participants, turn.Texts, withForm: false), cancellationToken);
        if (turn.IsPersonalChat || posted.Id is not { Length: > 0 } activityId)
        {
            return;
        }

        var card = new PostedCard(turn.Activity.ServiceUrl!, turn.ConversationId, activityId);
        try
        {
            await workshops.UpdateAsync(turn.Tenant, here.Workshop with
            {
                Value = here.Value with { StakeholderCards = [.. here.Value.StakeholderCards.Append(card).TakeLast(Workshop.MaxStakeholderCards)] },
            }, cancellationToken);
        }
        catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
        {
            // The header changed meanwhile (a registration): this copy is not remembered, which the erasure note covers.
        }
    }
}
