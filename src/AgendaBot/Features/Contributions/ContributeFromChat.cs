using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>"@AgendaBot idee …" in the workshop's channel, or plain text in a registered person's personal chat.</summary>
// Seam: the fallback turns a plain message in a workshop chat into a contribution.
[Seam]
public sealed class ContributeFromChat(WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard, ContributionPace pace,
    TimeProvider time)
    : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var here = await finder.RequireHereAsync(turn, cancellationToken);
        await ContributeAsync(turn, here, arguments, cancellationToken);
    }

    public async Task ContributeAsync(TurnContext turn, WorkshopContext here, string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            await turn.ReplyAsync(turn.Texts[TextKey.NoContributionText], cancellationToken);
            return;
        }

        here.Require(WorkshopAction.Contribute);
        if (pace.TryTake(turn, here.Value.Id) is { } refusal)
        {
            // A message Teams delivers again after it was stored stays unanswered, as any duplicate does.
            if (turn.Activity.Id is not { } activity
                || await workshops.FindContributionOfActivityAsync(turn.Tenant, here.Value.Id, activity, cancellationToken) is null)
            {
                await turn.ReplyAsync(refusal, cancellationToken);
            }

            return;
        }

        var outcome = await pace.StoreAsync(turn, here.Value.Id, () => workshops.AddContributionAsync(turn.Tenant, here.Value.Id,
            turn.Activity.Id ?? Guid.NewGuid().ToString("N"), ContributionFactory.FromChat(text, turn.User, time.GetUtcNow()), cancellationToken));
        if (outcome.WasDuplicate)
        {
            return;
        }

        await pinboard.RefreshAsync(turn, here.Value.Id, cancellationToken);
        await turn.ReplyAsync(turn.Texts.Format(TextKey.ContributionSaved, outcome.Contribution.Number), cancellationToken);
    }
}
