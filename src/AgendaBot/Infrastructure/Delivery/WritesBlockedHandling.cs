using AgendaBot.Domain.People;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Delivery;

namespace AgendaBot.Infrastructure.Delivery;

/// <summary>
/// 403 MessageWritesBlocked: the conversation is marked blocked, so later posts to it are parked without a call, and
/// the <see cref="IWritesBlockedNotice"/> is told. The mark is lifted by itself once the bot is installed there again:
/// installing (or any message) saves the conversation reference anew, and a reference newer than the mark wins.
/// </summary>
public sealed partial class WritesBlockedHandling(
    DeliveryLedger ledger,
    AgendaRepository agendas,
    IWritesBlockedNotice notice,
    TimeProvider time,
    ILogger<WritesBlockedHandling> logger)
{
    /// <summary>Why posts to this conversation are parked right away, or null when they may be sent.</summary>
    public async Task<string?> BlockedReasonAsync(TenantScope scope, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (await ledger.GetBlockAsync(scope, reference.ConversationId, cancellationToken) is not { } block)
        {
            return null;
        }

        if (reference.UpdatedAt > block.BlockedAt)
        {
            await ledger.UnblockAsync(scope, reference.ConversationId, cancellationToken);
            LogUnblocked(logger, reference.ConversationId);
            return null;
        }

        return $"conversation blocked since {block.BlockedAt:u} ({block.Reason}); not sent";
    }

    public Task BlockAsync(OutboxEnvelope envelope, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return ledger.BlockAsync(envelope.Scope, new BlockedConversation(envelope.Conversation, reason, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Tells the notice hook, with the agenda's project lead when the post named its agenda. Never fails the delivery.</summary>
    public async Task NotifyAsync(OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        try
        {
            TeamsUser? lead = null;
            if (envelope.AgendaId is { } agendaId && await agendas.GetAsync(envelope.Scope, agendaId, cancellationToken) is { } agenda
                && !agenda.Value.ProjectLead.IsAnonymous)
            {
                lead = agenda.Value.ProjectLead;
            }

            await notice.NotifyAsync(new WritesBlocked(envelope.Scope, envelope.Conversation, envelope.AgendaId, lead, time.GetUtcNow()), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogNoticeFailed(logger, failure, envelope.Conversation);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation {ConversationId} was blocked, but the bot has been installed there again since")]
    private static partial void LogUnblocked(ILogger logger, string conversationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell anyone that conversation {ConversationId} blocks the bot")]
    private static partial void LogNoticeFailed(ILogger logger, Exception failure, string conversationId);
}
