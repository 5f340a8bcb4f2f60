using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>"@AgendaBot entwurf" in the team: the project lead gets the card to send the draft action concept for comment.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat)]
public sealed class OfferDraftForComment(DraftAgenda drafts, MeasureRepository measures, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsLeadAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaOnlyInTeams], cancellationToken);
            return;
        }

        var all = await measures.GetAllAsync(turn.Tenant, agenda.Id, cancellationToken);
        if (all.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.DraftNoMeasures], cancellationToken);
            return;
        }

        await turn.ReplyAsync(DraftCards.Setup(agenda, all.Count, time.GetUtcNow(), turn.Texts), cancellationToken);
    }
}
