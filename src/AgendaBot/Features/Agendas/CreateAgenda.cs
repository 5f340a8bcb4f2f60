using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Conversations;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Scheduling;

namespace AgendaBot.Features.Agendas;

/// <summary>The set-up card was sent: the clicking person becomes the project lead of the team's agenda.</summary>
public sealed class CreateAgenda(AgendaRepository agendas, AgendaIndex index, WorkshopFinder finder, ConversationReferenceRepository references,
    TimeProvider time) : ICardActionHandler<AgendaSetupData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, AgendaSetupData input, CancellationToken cancellationToken)
    {
        if (WorkshopFinder.AgendaIdOf(turn.Activity) is not { } agendaId)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.AgendaOnlyInTeams]);
        }

        if (await finder.FindAgendaAsync(turn, cancellationToken) is { } existing)
        {
            return CardActionResult.ForAll(AgendaSummaryCard.Render(existing.Value, turn.Texts));
        }
        var fields = (input.FieldsOfAction ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var agenda = Agenda.Create(agendaId, input.Title ?? string.Empty, turn.User, fields,
            input.StatusHere ? WorkshopFinder.BoundConversationOf(turn.Activity) : null, null, time.GetUtcNow());
        try
        {
            await agendas.CreateAsync(turn.Tenant, agenda, cancellationToken);
        }
        catch (DomainException failure) when (failure.Code == DomainErrorCode.Conflict)
        {
            // Two clicks at once: the first one set it up; show what exists.
            var first = await finder.FindAgendaAsync(turn, cancellationToken);
            if (first is null)
            {
                throw;
            }

            agenda = first.Value;
        }

        // Listed for the weekly post scheduler; idempotent, so a retry after a failure here converges.
        await index.AddAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (agenda.StatusConversationId is { } status)
        {
            // Posts nobody waits for (the weekly status, citizens' ideas) go to the channel itself, not to this thread:
            // remembered now, as Teams told the bot only of the team's installation, not of every channel in it.
            await references.SaveAsync(RememberConversation.ReferenceOf(turn, time.GetUtcNow()) with { ConversationId = status }, cancellationToken);
        }

        return CardActionResult.ForAll(AgendaSummaryCard.Render(agenda, turn.Texts));
    }
}
