using AgendaBot.Domain.People;
using AgendaBot.Storage;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>A conversation answered 403 MessageWritesBlocked: the bot was blocked or removed there.</summary>
/// <param name="ProjectLead">The project lead of the agenda the post belonged to, when the post named one.</param>
public sealed record WritesBlocked(TenantScope Tenant, string ConversationId, string? AgendaId, TeamsUser? ProjectLead, DateTimeOffset At);

/// <summary>
/// Told once per blocked conversation, after it was marked blocked and the post parked. An implementation may
/// enqueue a message to the project lead through <see cref="Outbox"/> (e.g. to their personal chat); it must not
/// throw for ordinary failures — delivery goes on regardless.
/// </summary>
public interface IWritesBlockedNotice
{
    Task NotifyAsync(WritesBlocked blocked, CancellationToken cancellationToken);
}

/// <summary>The default: a warning in the log, where operators look. The measures feature can register a notice to the lead.</summary>
public sealed partial class LoggingWritesBlockedNotice(ILogger<LoggingWritesBlockedNotice> logger) : IWritesBlockedNotice
{
    public Task NotifyAsync(WritesBlocked blocked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocked);
        LogBlocked(logger, blocked.ConversationId, blocked.Tenant.TenantId, blocked.AgendaId, blocked.ProjectLead?.Id);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The bot may no longer post in conversation {ConversationId} of tenant {TenantId} (agenda {AgendaId}, project lead {ProjectLeadId}); further posts there are parked")]
    private static partial void LogBlocked(ILogger logger, string conversationId, string tenantId, string? agendaId, string? projectLeadId);
}
