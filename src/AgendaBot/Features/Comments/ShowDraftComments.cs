using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>"Kommentare anzeigen" on the lead's card: the comments so far, per measure; only for the project lead.</summary>
public sealed class ShowDraftComments(DraftAgenda drafts, CommentRoundRepository rounds, DraftComments comments) : ICardActionHandler<CommentRoundRef>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, CommentRoundRef input, CancellationToken cancellationToken)
    {
        var agenda = await drafts.RequireAsLeadAsync(turn, input.AgendaId, cancellationToken);
        var round = await rounds.GetAsync(turn.Tenant, agenda.Id, input.RoundId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "comment round");
        return new CardActionResult.ReplaceCard(await comments.RenderAsync(turn.Tenant, agenda, round.Value, turn.Texts, cancellationToken));
    }
}

/// <summary>
/// "@AgendaBot kommentare" in the team: the latest round's comments per measure, for the project lead. In the personal
/// chat, where the draft arrives: what the person may see of the latest draft they were sent (<see cref="MyDraftComments"/>).
/// </summary>
public sealed class ShowLatestDraftComments(DraftAgenda drafts, CommentRoundRepository rounds, DraftComments comments, MyDraftComments mine)
    : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            await mine.ShowAsync(turn, cancellationToken);
            return;
        }

        if (await drafts.FindAsLeadAsync(turn, cancellationToken) is not { } agenda)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.AgendaOnlyInTeams], cancellationToken);
            return;
        }

        if (await rounds.ListAsync(turn.Tenant, agenda.Id, cancellationToken) is not [var latest, ..])
        {
            await turn.ReplyAsync(turn.Texts[TextKey.DraftNoRound], cancellationToken);
            return;
        }

        await turn.ReplyAsync(await comments.RenderAsync(turn.Tenant, agenda, latest, turn.Texts, cancellationToken), cancellationToken);
    }
}
