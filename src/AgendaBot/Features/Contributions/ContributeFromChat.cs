using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.People;
using AgendaBot.Features.Workshops;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// "@AgendaBot idee …" in the workshop's channel, or "idee …" in the personal chat (to the workshop the person last
/// registered for): said explicitly, so stored at once — the answer says where it went. Plain text in the personal
/// chat is only previewed (<see cref="PreviewContribution"/>).
/// </summary>
public sealed class ContributeFromChat(WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard, ContributionPace pace,
    TimeProvider time)
    : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var here = await finder.FindHereAsync(turn, cancellationToken);
        if (here is null && !turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.ContributeNoWorkshopHere], cancellationToken);
            return;
        }

        // Someone not (yet) registered is told what to do, not that something was not found.
        if (here is null || (here.Role is null && here.Participant is null))
        {
            await turn.ReplyAsync(turn.Texts[turn.IsPersonalChat ? TextKey.ContributeRegisterFirstPersonal : TextKey.ContributeRegisterFirstChannel],
                cancellationToken);
            return;
        }

        await ContributeAsync(turn, here, arguments, cancellationToken);
    }

    private async Task ContributeAsync(TurnContext turn, WorkshopContext here, string text, CancellationToken cancellationToken)
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
        var saved = outcome.Contribution;
        // In the channel the pinboard is right there; from the personal chat the person cannot see where it went.
        await turn.ReplyAsync(turn.IsPersonalChat
            ? turn.Texts.Format(TextKey.ContributionSavedWhere, saved.Number, (int)saved.Step, StepTexts.Title(turn.Texts, saved.Step), here.Value.FieldOfAction)
            : turn.Texts.Format(TextKey.ContributionSaved, saved.Number), cancellationToken);
    }
}
