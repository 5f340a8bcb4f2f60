using System.Globalization;
using AgendaBot.Bot.Localization;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Contributions;
using AgendaBot.Infrastructure.Graph;
using AgendaBot.Infrastructure.Tables;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// The "open workshop" card was sent: the workshop is bound to this channel, the clicking person moderates it, and the
/// registration card, the first step and the pinboard are posted.
/// </summary>
[UsedIn(CommandScopes.Team | CommandScopes.GroupChat, Elsewhere = TextKey.AgendaOnlyInTeams)]
public sealed class OpenWorkshop(
    WorkshopFinder finder, WorkshopRepository workshops, PinboardPublisher pinboard, DirectoryProfiles profiles, TimeProvider time,
    ChannelSteering channels, KickOffs.KickOffIdeasIntoWorkshop kickOffIdeas, ILogger<OpenWorkshop> logger)
    : ICardActionHandler<OpenWorkshopData>
{
    public async Task<CardActionResult> HandleAsync(TurnContext turn, OpenWorkshopData input, CancellationToken cancellationToken)
    {
        var agenda = await finder.FindAgendaAsync(turn, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        var here = await finder.FindHereAsync(turn, cancellationToken);
        if (here is { Value.IsEnded: false } running)
        {
            return new CardActionResult.Message(turn.Texts.Format(TextKey.WorkshopExists, running.Value.FieldOfAction, (int)running.Value.CurrentStep));
        }

        // The card offers the agenda's fields; anything else is a tampered payload.
        var field = agenda.Value.FieldsOfAction.FirstOrDefault(f => string.Equals(f, input.FieldOfAction, StringComparison.Ordinal))
            ?? throw new DomainException(DomainErrorCode.InvalidValue, "field of action");
        int? capacity = int.TryParse(input.Capacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null;
        var bound = WorkshopFinder.BoundConversationOf(turn.Activity);
        // After an ended workshop the channel hosts the next one, under the next id the channel allows.
        var generation = here?.Value.NextGeneration() ?? 0;
        var workshop = (Workshop.Open(WorkshopFinder.WorkshopIdFor(turn.Tenant.TenantId, bound, generation), agenda.Value.Id, field, bound,
            turn.User, capacity, time.GetUtcNow()) with
        {
            Generation = generation,
            Language = turn.Culture.TwoLetterISOLanguageName,
            // This click's card becomes the "open" card naming the opener: remembered, to draw it again if they are erased.
            OpenedBy = turn.User.Id,
            OpenedCard = turn.Activity.ReplyToId is { Length: > 0 } setupCard ? new PostedCard(turn.Activity.ServiceUrl!, turn.ConversationId, setupCard) : null,
        }).SeenModerating(turn);
        var created = await workshops.CreateAsync(turn.Tenant, workshop, cancellationToken);
        workshop = created.Value;
        if (generation > 0)
        {
            await PointChannelAtAsync(turn, workshop.Id, cancellationToken);
        }

        // Once the channel finds the new workshop: help here now offers its buttons (ChannelSteering).
        channels.Forget(turn.Tenant.TenantId, bound);

        var shared = SharedTexts.For(workshop);
        var registration = await turn.ReplyAsync(RegistrationCard.Render(workshop, [], shared, suggestion: profiles.ForEveryone), shared, cancellationToken);
        await RegistrationCardMemory.RememberAsync(workshops, turn, created, registration.Id, cancellationToken);
        await turn.ReplyAsync(StepCard.Render(workshop, shared), shared, cancellationToken);
        await kickOffIdeas.TakeInAsync(turn.Tenant, workshop, cancellationToken);
        await pinboard.RefreshAsync(turn, workshop.Id, cancellationToken);
        var opened = OpenWorkshopCard.Opened(workshop, turn.User.Name, turn.Texts);
        return new CardActionResult.ReplaceCard(opened) { ForEveryone = opened };
    }

    // The channel's first workshop names the current one. Until it does, the new workshop is stored but not found; a
    // second click then finds the ended one again, opens the same id (creating is idempotent) and points again.
    private async Task PointChannelAtAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken)
    {
        var pointed = await ConflictRetry.TryAsync(logger, "current workshop of a channel", async ct =>
        {
            var first = await finder.FindFirstHereAsync(turn, ct) ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
            if (first.Value.LatestId != workshopId)
            {
                await workshops.UpdateAsync(turn.Tenant, first with { Value = first.Value with { LatestId = workshopId } }, ct);
            }
        }, cancellationToken);
        if (!pointed)
        {
            throw new DomainException(DomainErrorCode.Conflict, "current workshop");
        }
    }
}
