using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Storage.Voting;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// "@AgendaBot workshop beenden": a moderator is asked to confirm, with what ending means. Asking changes nothing, so
/// the card is the place to change one's mind.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.WorkshopEndOnlyInChannel)]
public sealed class AskToEndWorkshop(WorkshopFinder finder) : ICommandHandler
{
    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            await turn.ReplyAsync(turn.Texts[TextKey.WorkshopEndOnlyInChannel], cancellationToken);
            return;
        }

        var here = await finder.RequireHereAsync(turn, cancellationToken);
        if (here.Value.IsEnded)
        {
            await turn.ReplyAsync(turn.Texts.Format(TextKey.WorkshopAlreadyEnded, here.Value.FieldOfAction), cancellationToken);
            return;
        }

        here.Require(WorkshopAction.EndWorkshop);
        await turn.ReplyAsync(EndWorkshopCard.Ask(here.Value, turn.Texts), cancellationToken);
    }
}

/// <summary>"Workshop beenden" on the confirmation card: the workshop becomes a record and the channel is free.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.WorkshopEndOnlyInChannel)]
[Requires(WorkshopAction.EndWorkshop)]
public sealed class EndWorkshop(WorkshopFinder finder, WorkshopRepository workshops, VotingRepository voting, Contributions.PinboardPublisher pinboard,
    ChannelSteering channels, TimeProvider time) : WorkshopCardHandler<WorkshopRef>(finder)
{
    protected override async Task<CardActionResult> HandleAsync(TurnContext turn, WorkshopRef input, WorkshopContext here,
        CancellationToken cancellationToken)
    {
        // A second click, or Teams delivering the first again, finds it ended and shows the same answer.
        if (here.Value.IsEnded)
        {
            return CardActionResult.ForAll(EndWorkshopCard.Ended(here.Value, turn.Texts));
        }

        // A round still open would lose its voters' last minutes; the moderator closes it first, on purpose.
        var now = time.GetUtcNow();
        if ((await voting.GetRoundsAsync(turn.Tenant, here.Value.Id, cancellationToken)).FirstOrDefault(r => r.IsOpenAt(now)) is { } open)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.WorkshopEndRoundOpen, open.Step));
        }

        var ended = await workshops.UpdateAsync(turn.Tenant, here.Workshop with { Value = here.Value.End(now) }, cancellationToken);
        channels.Forget(turn.Tenant.TenantId, ended.Value.ConversationId);
        // The pinboard says it is a record now.
        await pinboard.RefreshAsync(turn, ended.Value.Id, cancellationToken);
        return CardActionResult.ForAll(EndWorkshopCard.Ended(ended.Value, turn.Texts));
    }
}

/// <summary>"Abbrechen" on the confirmation card: nothing changes, and the card says so.</summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.WorkshopEndOnlyInChannel)]
[Requires(WorkshopAction.EndWorkshop)]
public sealed class KeepWorkshopRunning(WorkshopFinder finder) : WorkshopCardHandler<WorkshopRef>(finder)
{
    protected override Task<CardActionResult> HandleAsync(TurnContext turn, WorkshopRef input, WorkshopContext here,
        CancellationToken cancellationToken) =>
        Task.FromResult<CardActionResult>(here.Value.IsEnded
            ? CardActionResult.ForAll(EndWorkshopCard.Ended(here.Value, turn.Texts))
            : CardActionResult.ForAll(EndWorkshopCard.Kept(here.Value, turn.Texts)));
}
