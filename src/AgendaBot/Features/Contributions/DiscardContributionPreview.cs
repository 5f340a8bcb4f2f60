using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>"Verwerfen" on the preview: nothing is stored; a preview already saved by an earlier click stays saved, and says so.</summary>
[UsedIn(CommandScopes.Personal, Elsewhere = TextKey.PreviewOnlyInPersonalChat)]
public sealed class DiscardContributionPreview(ChatWorkshops mine, WorkshopRepository workshops) : ICardActionHandler<ContributionPreviewData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, ContributionPreviewData input, CancellationToken cancellationToken)
    {
        if (input.Destination() is var (workshopId, _)
            && await mine.OneAsync(turn, workshopId, cancellationToken) is { } here
            && await workshops.FindContributionOfActivityAsync(turn.Tenant, here.Value.Id, SaveContributionPreview.KeyOf(turn, input), cancellationToken)
                is { } saved)
        {
            return new CardActionResult.ReplaceCard(ContributionPreviewCard.Saved(saved, here.Value, turn.Texts));
        }

        return new CardActionResult.ReplaceCard(ContributionPreviewCard.Discarded(input.Text, turn.Texts));
    }
}
