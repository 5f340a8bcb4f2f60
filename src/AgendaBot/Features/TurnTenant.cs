using AgendaBot.Bot.Routing;
using AgendaBot.Storage;

namespace AgendaBot.Features;

/// <summary>
/// The turn's tenant as the storage scopes it: defined here, not on <see cref="TurnContext"/>, because the front door
/// knows no storage and features do.
/// </summary>
public static class TurnTenant
{
    extension(TurnContext turn)
    {
        /// <summary>The tenant the activity came from: the only tenant this turn may read or write.</summary>
        public TenantScope Tenant => new(turn.TenantId);
    }
}
