using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// Plain text in the personal chat of someone who takes part in a workshop: shown back as a preview card, so that
/// nothing becomes public before they click "Speichern" (<see cref="SaveContributionPreview"/>). Nothing is stored
/// here; the text travels in the card.
/// </summary>
// Seam: the fallback offers a personal-chat text as a contribution instead of storing it.
[Seam]
public sealed class PreviewContribution(ChatWorkshops mine)
{
    /// <summary>False if the person takes part in no workshop: then the text is nothing the bot knows what to do with.</summary>
    public async Task<bool> OfferAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var workshops = await mine.OfAsync(turn, cancellationToken);
        if (workshops.Count == 0)
        {
            return false;
        }

        // Refused now rather than at "Speichern": a text that cannot be stored is not worth a preview.
        var checkedText = TextLimits.Required(text, TextLimits.ContributionText, "text");
        var open = workshops.Where(w => ChatWorkshops.IsCollecting(w.Value)).Select(w => w.Value).ToList();
        if (open.Count == 0)
        {
            await turn.ReplyAsync(turn.Texts.Format(TextKey.PreviewNothingOpen, workshops[0].Value.FieldOfAction), cancellationToken);
            return true;
        }

        // The message's own id: Teams delivering it twice yields two previews that save as one.
        var previewId = turn.Activity.Id ?? Guid.NewGuid().ToString("N");
        await turn.ReplyAsync(ContributionPreviewCard.Render(previewId, checkedText, open, turn.Texts), cancellationToken);
        return true;
    }
}
