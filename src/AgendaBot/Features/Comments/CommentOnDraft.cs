using System.Text.Json;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Measures;
using AgendaBot.Storage.Measures;

namespace AgendaBot.Features.Comments;

/// <summary>
/// A participant sends their comments from the draft card: only people the draft was sent to, only until the
/// deadline (the server's clock decides), all comments of one click stored together or not at all.
/// </summary>
public sealed class CommentOnDraft(CommentRoundRepository rounds, MeasureRepository measures, TimeProvider time) : ICardActionHandler<DraftCommentData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, DraftCommentData input, CancellationToken cancellationToken)
    {
        var round = (await rounds.GetAsync(turn.Tenant, input.AgendaId, input.RoundId, cancellationToken))?.Value
            ?? throw new DomainException(DomainErrorCode.NotFound, "comment round");
        if (!round.IsRecipient(turn.User.Id))
        {
            throw new DomainException(DomainErrorCode.NotAllowed, "comment");
        }

        var now = time.GetUtcNow();
        if (!round.IsOpenAt(now))
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.DraftCommentTooLate, DraftCards.Local(round.Deadline, turn.Texts)));
        }

        var activityKey = DraftAgenda.IdFrom(turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var comments = new List<MeasureComment>();
        for (var i = 0; i < round.MeasureIds.Count; i++)
        {
            if (input.Inputs?.GetValueOrDefault($"c_{i}") is { ValueKind: JsonValueKind.String } value && !string.IsNullOrWhiteSpace(value.GetString()))
            {
                comments.Add(MeasureComment.Create(round.MeasureIds[i], round.CommentId(activityKey, i), turn.User, value.GetString()!, now));
            }
        }

        if (comments.Count == 0)
        {
            return new CardActionResult.Message(turn.Texts[TextKey.DraftCommentEmpty]);
        }

        // False: the same click arrived before and its comments are stored; the answer is the same.
        await measures.AddCommentsAsync(turn.Tenant, round.AgendaId, comments, cancellationToken);
        return new CardActionResult.Message(turn.Texts.Format(TextKey.DraftCommentsThanks, comments.Count));
    }
}
