namespace AgendaBot.Storage;

/// <summary>
/// The tenant (and team/chat) a request may touch. It is taken from the authenticated activity by the host, never
/// from a card payload, and every repository call requires one.
/// </summary>
public sealed record TenantScope
{
    public TenantScope(string tenantId)
    {
        TenantId = string.IsNullOrWhiteSpace(tenantId)
            ? throw new ArgumentException("A tenant id is required.", nameof(tenantId))
            : tenantId;
    }

    public string TenantId { get; }
}
