using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// "Beitrag speichern" on a step card. The same click delivered twice is stored once; a person past their pace
/// (<see cref="ContributionPace"/>) is asked to wait and nothing is stored.
/// </summary>
[Requires(WorkshopAction.Contribute)]
public sealed class AddContribution(WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard, ContributionPace pace,
    TimeProvider time) : WorkshopCardHandler<ContributionData>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, ContributionData input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        if (pace.TryTake(turn, here.Value.Id) is { } refusal)
        {
            // Teams may deliver a click again: one already stored is answered as such, not refused.
            return new CardActionResult.Message(turn.Activity.Id is { } activity
                && await workshops.FindContributionOfActivityAsync(turn.Tenant, here.Value.Id, activity, cancellationToken) is { } earlier
                    ? turn.Texts.Format(TextKey.ContributionAlreadySaved, earlier.Number)
                    : refusal);
        }

        var outcome = await pace.StoreAsync(turn, here.Value.Id, () => workshops.AddContributionAsync(turn.Tenant, here.Value.Id,
            turn.Activity.Id ?? Guid.NewGuid().ToString("N"), ContributionFactory.FromCard(input, turn.User, time.GetUtcNow()), cancellationToken));
        if (!outcome.WasDuplicate)
        {
            await pinboard.RefreshAsync(turn, here.Value.Id, cancellationToken);
        }

        return new CardActionResult.Message(turn.Texts.Format(
            outcome.WasDuplicate ? TextKey.ContributionAlreadySaved : TextKey.ContributionSaved, outcome.Contribution.Number));
    }
}
