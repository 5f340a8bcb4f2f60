using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Contributions;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// "Übernehmen" on the moderation card: the idea becomes a contribution to the chosen workshop's current step, marked
/// as a citizen's idea, and from then on the public page shows it as taken up. The contribution is keyed by the idea,
/// so a click Teams delivers twice — or a second moderator's — adds it once.
/// </summary>
public sealed class AcceptCitizenIdea(IdeaDecisions decisions, IdeaTargets targets, WorkshopRepository workshops,
    PinboardPublisher pinboard, TimeProvider time) : ICardActionHandler<CitizenIdeaData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CitizenIdeaData input, CancellationToken cancellationToken)
    {
        if (await decisions.OpenAsync(turn, input, cancellationToken) is not ({ } agenda, { } stored))
        {
            return decisions.Refusal!;
        }

        var open = await targets.OfAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Workshop))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.CitizenIdeaChooseTarget]);
        }

        // The choice is a claim: only a workshop of this agenda that collects now takes the idea.
        if (open.FirstOrDefault(t => t.WorkshopId == input.Workshop) is not { } target)
        {
            return new CardActionResult.ReplaceCard(CitizenIdeaCards.Moderation(agenda.Id, stored.Value, open, turn.Texts,
                turn.Texts[TextKey.CitizenIdeaTargetGone]));
        }

        ContributionOutcome added;
        try
        {
            added = await workshops.AddContributionAsync(turn.Tenant, target.WorkshopId, $"citizen-idea|{stored.Value.Id}",
                Domain.Workshops.Contribution.FromCitizens(stored.Value.Text, time.GetUtcNow()), cancellationToken);
        }
        catch (DomainException failure) when (failure.Code is DomainErrorCode.WrongStep or DomainErrorCode.StepClosed or DomainErrorCode.WorkshopEnded)
        {
            // The step closed between reading the list and writing: the card shows who collects now.
            return new CardActionResult.ReplaceCard(CitizenIdeaCards.Moderation(agenda.Id, stored.Value,
                await targets.OfAsync(turn.Tenant, agenda.Id, cancellationToken), turn.Texts, turn.Texts[TextKey.CitizenIdeaTargetGone]));
        }

        var accepted = stored.Value.Accept(target.WorkshopId, target.FieldOfAction, added.Contribution.Step, added.Contribution.Number, time.GetUtcNow());
        var answer = await decisions.RecordAsync(turn, agenda, stored, accepted, cancellationToken);
        if (!added.WasDuplicate)
        {
            await pinboard.RefreshAsync(turn.Tenant, target.WorkshopId, turn.Activity.ServiceUrl!, null, cancellationToken);
        }

        return answer;
    }
}

/// <summary>"Ablehnen" on the moderation card: the idea stays with the moderators, with the reason, and is never public.</summary>
public sealed class RejectCitizenIdea(IdeaDecisions decisions, TimeProvider time) : ICardActionHandler<CitizenIdeaData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CitizenIdeaData input, CancellationToken cancellationToken)
    {
        if (await decisions.OpenAsync(turn, input, cancellationToken) is not ({ } agenda, { } stored))
        {
            return decisions.Refusal!;
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            return new CardActionResult.Message(turn.Texts[TextKey.CitizenIdeaReasonMissing]);
        }

        return await decisions.RecordAsync(turn, agenda, stored, stored.Value.Reject(input.Reason, time.GetUtcNow()), cancellationToken);
    }
}
