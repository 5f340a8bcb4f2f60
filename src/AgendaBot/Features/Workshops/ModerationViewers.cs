using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Workshops;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// Learns the Teams ids of the people who moderate, from their own activities: a shared card can only name people by
/// Teams id when it asks Teams to show them their own view, and the workshop stores people by Entra object id.
/// </summary>
internal static class ModerationViewers
{
    /// <summary>The workshop with the acting person's Teams id remembered; the same workshop when there is nothing to add.</summary>
    public static Workshop SeenModerating(this Workshop workshop, TurnContext turn) =>
        turn.Activity.From?.Id is { Length: > 0 } teamsId && workshop.WithModerationViewer(turn.User.Id, teamsId) is { } learned ? learned : workshop;
}
