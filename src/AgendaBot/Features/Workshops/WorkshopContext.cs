using System.Security.Cryptography;
using System.Text;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Protocol.Activities;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>A workshop as seen by the person acting in this turn: the workshop, its agenda and their role.</summary>
// Seam: every workshop feature starts from the workshop, agenda and role of the turn.
[Seam]
public sealed record WorkshopContext(Versioned<Workshop> Workshop, Agenda Agenda, Participant? Participant, Role? Role)
{
    public Workshop Value => Workshop.Value;

    /// <summary>The person may steer the workshop (close and advance steps, end votes): their cards show those buttons.</summary>
    public bool Moderates => Role is { } role && Permissions.Allows(role, WorkshopAction.CloseStep);

    /// <summary>Refuses unless the person's role allows the action; checked on the server whatever a card claims.</summary>
    public void Require(WorkshopAction action)
    {
        if (Role is not { } role || !Permissions.Allows(role, action))
        {
            throw new DomainException(action is WorkshopAction.Contribute or WorkshopAction.Vote && Role is null
                ? DomainErrorCode.NotRegistered
                : DomainErrorCode.NotAllowed, action.ToString());
        }

        if (Permissions.NeedsRunningWorkshop(action))
        {
            Value.EnsureRunning();
        }
    }
}

/// <summary>
/// Finds the agenda and workshop of a conversation. A team has one agenda; a channel (or group chat) has at most one
/// workshop, whose id is derived from the channel, so finding it needs no index and opening it twice is harmless.
/// </summary>
// Seam: the one way features find the workshop of a conversation.
[Seam]
public sealed class WorkshopFinder(AgendaRepository agendas, WorkshopRepository workshops)
{
    /// <summary>The team (or, outside teams, the group chat) an agenda belongs to.</summary>
    public static string? AgendaIdOf(Activity activity) =>
        activity.ChannelData?.Team?.Id
        ?? (activity.Conversation?.ConversationType == ConversationTypes.GroupChat ? activity.Conversation.Id : null);

    /// <summary>The channel or group chat itself, without the thread suffix Teams appends to channel conversation ids.</summary>
    public static string BoundConversationOf(Activity activity) =>
        activity.ChannelData?.Channel?.Id ?? activity.Conversation?.Id?.Split(";messageid=", 2)[0]
        ?? throw new DomainException(DomainErrorCode.NotFound, "conversation");

    /// <summary>
    /// The id of a channel's first workshop, or of a later one (after the one before ended). Ids follow from the channel,
    /// so a card's claim can be checked without reading anything.
    /// </summary>
    public static string WorkshopIdFor(string tenantId, string boundConversation, int generation = 0) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(generation == 0
            ? $"{tenantId}\n{boundConversation}"
            : $"{tenantId}\n{boundConversation}\n{generation.ToString(System.Globalization.CultureInfo.InvariantCulture)}")))[..24];

    /// <summary>Whether a workshop id is one of the workshops this channel hosted or may host.</summary>
    public static bool IsWorkshopOf(string tenantId, string boundConversation, string workshopId)
    {
        for (var generation = 0; generation < Workshop.MaxPerConversation; generation++)
        {
            if (WorkshopIdFor(tenantId, boundConversation, generation) == workshopId)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<Versioned<Agenda>?> FindAgendaAsync(TurnContext turn, CancellationToken cancellationToken) =>
        AgendaIdOf(turn.Activity) is { } agendaId ? await agendas.GetAsync(turn.Tenant, agendaId, cancellationToken) : null;

    /// <summary>
    /// The workshop of this channel — the latest, ended or not — or, in a personal chat, the one the person last
    /// registered for.
    /// </summary>
    public async Task<WorkshopContext?> FindHereAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.IsPersonalChat)
        {
            return await agendas.FindWorkshopOfAsync(turn.Tenant, turn.User.Id, cancellationToken) is { } own
                ? await LoadAsync(turn, own, cancellationToken)
                : null;
        }

        var first = await workshops.GetAsync(turn.Tenant, WorkshopIdFor(turn.Tenant.TenantId, BoundConversationOf(turn.Activity)), cancellationToken);
        return first?.Value.LatestId is { } latest && latest != first.Value.Id
            ? await LoadAsync(turn, latest, cancellationToken)
            : first is null ? null : await LoadAsync(turn, first, cancellationToken);
    }

    /// <summary>The channel's first workshop, which points at the one the channel hosts now.</summary>
    public Task<Versioned<Workshop>?> FindFirstHereAsync(TurnContext turn, CancellationToken cancellationToken) =>
        workshops.GetAsync(turn.Tenant, WorkshopIdFor(turn.Tenant.TenantId, BoundConversationOf(turn.Activity)), cancellationToken);

    /// <summary>
    /// The id of the workshop a card names, checked like <see cref="RequireFromCardAsync"/> but without reading it, for a
    /// handler that reads the workshop together with other rows and then calls <see cref="ContextOfAsync"/>.
    /// </summary>
    public async Task<string> RequireIdFromCardAsync(TurnContext turn, string claimedWorkshopId, CancellationToken cancellationToken) =>
        await IsClaimHereAsync(turn, claimedWorkshopId, cancellationToken)
            ? claimedWorkshopId
            : throw new DomainException(DomainErrorCode.NotFound, "workshop");

    /// <summary>The context of a workshop and participant the caller has read (null workshop: NotFound).</summary>
    public async Task<WorkshopContext> ContextOfAsync(TurnContext turn, Versioned<Workshop>? workshop, Participant? participant,
        CancellationToken cancellationToken)
    {
        if (workshop is null)
        {
            throw new DomainException(DomainErrorCode.NotFound, "workshop");
        }

        var agenda = await agendas.GetAsync(turn.Tenant, workshop.Value.AgendaId, cancellationToken)
            ?? throw new DomainException(DomainErrorCode.NotFound, "agenda");
        return new WorkshopContext(workshop, agenda.Value, participant, RoleOf(turn.User, workshop.Value, agenda.Value, participant));
    }

    /// <summary>
    /// Refuses unless the person may do the action in a workshop the caller has read (with their registration). The
    /// agenda, another table, is read only when the answer depends on it: the project lead may do everything, so once
    /// a moderator's or participant's rights allow the action, who leads cannot change it — a ballot saves that read.
    /// </summary>
    public async Task<Workshop> RequireAsync(TurnContext turn, Versioned<Workshop>? workshop, Participant? participant, WorkshopAction action,
        CancellationToken cancellationToken)
    {
        if (workshop is not null && RoleWithoutAgenda(turn.User, workshop.Value, participant) is { } role && Permissions.Allows(role, action))
        {
            if (Permissions.NeedsRunningWorkshop(action))
            {
                workshop.Value.EnsureRunning();
            }

            return workshop.Value;
        }

        var here = await ContextOfAsync(turn, workshop, participant, cancellationToken);
        here.Require(action);
        return here.Value;
    }

    // In a channel any of its workshops may be named (an ended one's cards stay readable); in a personal chat only the
    // person's own.
    private async Task<bool> IsClaimHereAsync(TurnContext turn, string claimedWorkshopId, CancellationToken cancellationToken) => turn.IsPersonalChat
        ? await agendas.FindWorkshopOfAsync(turn.Tenant, turn.User.Id, cancellationToken) == claimedWorkshopId
        : IsWorkshopOf(turn.Tenant.TenantId, BoundConversationOf(turn.Activity), claimedWorkshopId);

    /// <summary>
    /// The workshop a card names — accepted only if it is the workshop of the conversation the click came from
    /// (or the person's own workshop in a personal chat). A card copied elsewhere or edited by hand gets NotFound.
    /// </summary>
    public async Task<WorkshopContext> RequireFromCardAsync(TurnContext turn, string claimedWorkshopId, CancellationToken cancellationToken) =>
        await IsClaimHereAsync(turn, claimedWorkshopId, cancellationToken) && await LoadAsync(turn, claimedWorkshopId, cancellationToken) is { } here
            ? here
            : throw new DomainException(DomainErrorCode.NotFound, "workshop");

    public async Task<WorkshopContext> RequireHereAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await FindHereAsync(turn, cancellationToken) ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");

    private async Task<WorkshopContext?> LoadAsync(TurnContext turn, string workshopId, CancellationToken cancellationToken) =>
        await workshops.GetAsync(turn.Tenant, workshopId, cancellationToken) is { } workshop ? await LoadAsync(turn, workshop, cancellationToken) : null;

    private async Task<WorkshopContext> LoadAsync(TurnContext turn, Versioned<Workshop> workshop, CancellationToken cancellationToken) =>
        await ContextOfAsync(turn, workshop, await workshops.GetParticipantAsync(turn.Tenant, workshop.Value.Id, turn.User.Id, cancellationToken),
            cancellationToken);

    private static Role? RoleOf(TeamsUser user, Workshop workshop, Agenda agenda, Participant? participant) =>
        agenda.ProjectLead.Id == user.Id ? Role.ProjectLead : RoleWithoutAgenda(user, workshop, participant);

    private static Role? RoleWithoutAgenda(TeamsUser user, Workshop workshop, Participant? participant) =>
        workshop.IsModerator(user.Id) ? Role.Moderator
        : participant is { Waitlisted: false } ? Role.Participant
        : null;
}
