using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// What taking in and declining have in common: the click is checked (who, which agenda, which idea, still waiting?),
/// and the decision is recorded only if nobody decided since — otherwise the card shows the decision that stands.
/// One per turn (scoped): <see cref="Refusal"/> is the answer when <see cref="OpenAsync"/> found nothing to decide.
/// </summary>
public sealed class IdeaDecisions(Consultations.ConsultationRights moderators, CitizenIdeaStore ideas)
{
    public CardActionResult? Refusal { get; private set; }

    public async Task<(Agenda? Agenda, Versioned<CitizenIdea>? Idea)> OpenAsync(TurnContext turn, CitizenIdeaData input, CancellationToken cancellationToken)
    {
        if (await moderators.SpokenForAsync(turn, input.AgendaId, cancellationToken) is not { } agenda)
        {
            Refusal = new CardActionResult.Message(turn.Texts[TextKey.CitizenIdeaOnlyModerators]);
            return (null, null);
        }

        if (await ideas.GetAsync(turn.Tenant, agenda.Id, input.IdeaId, cancellationToken) is not { } stored)
        {
            Refusal = new CardActionResult.Message(turn.Texts[TextKey.CitizenIdeaNotFound]);
            return (null, null);
        }

        if (stored.Value.State != CitizenIdeaState.Pending)
        {
            // Decided already (a second moderator, or Teams delivering the click again): the card shows how.
            Refusal = CardActionResult.ForAll(CitizenIdeaCards.Decided(stored.Value, null, turn.Texts));
            return (null, null);
        }

        return (agenda, stored);
    }

    public async Task<CardActionResult> RecordAsync(TurnContext turn, Agenda agenda, Versioned<CitizenIdea> stored, CitizenIdea decided,
        CancellationToken cancellationToken)
    {
        if (await ideas.DecideAsync(turn.Tenant, agenda.Id, stored with { Value = decided }, cancellationToken))
        {
            return CardActionResult.ForAll(CitizenIdeaCards.Decided(decided, turn.User.Name, turn.Texts));
        }

        // Someone else decided in the meantime: their decision stands, and the card shows it.
        return await ideas.GetAsync(turn.Tenant, agenda.Id, decided.Id, cancellationToken) is { } now
            ? CardActionResult.ForAll(CitizenIdeaCards.Decided(now.Value, null, turn.Texts))
            : new CardActionResult.Message(turn.Texts[TextKey.CitizenIdeaNotFound]);
    }
}
