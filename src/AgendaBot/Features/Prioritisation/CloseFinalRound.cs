using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Prioritisation;

/// <summary>
/// "Schlussrunde beenden": the project lead ends the round; the ballot becomes the result for everyone, with the
/// measures by their place. Ending it twice shows the same result.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.FinalRoundNotInPersonalChat)]
public sealed class CloseFinalRound(FinalRoundAccess access, FinalRoundStore rounds, MeasureRepository measures, TimeProvider time)
    : ICardActionHandler<FinalRoundRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, FinalRoundRef input, CancellationToken cancellationToken)
    {
        if (await access.LedAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.FinalRoundOnlyLead]);
        }

        var closed = await rounds.CloseAsync(turn.Tenant, agenda.Id, input.RoundId, time.GetUtcNow(), cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "round");
        var plan = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        return CardActionResult.ForAll(PrioritisationCards.Results(closed, plan, turn.Texts));
    }
}
