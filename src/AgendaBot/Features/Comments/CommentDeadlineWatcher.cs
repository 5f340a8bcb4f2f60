using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Infrastructure.Delivery;
using AgendaBot.Storage;
using AgendaBot.Storage.Agendas;
using AgendaBot.Storage.Conversations;
using AgendaBot.Storage.Measures;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Comments;

public sealed class CommentOptions
{
    public const string SectionName = "Comments";

    /// <summary>How often every instance looks for comment rounds whose deadline has passed.</summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// When a comment round's deadline has passed, the project lead gets the comments per measure in their personal chat,
/// once: every instance looks, the outbox key names the round (enqueued twice, delivered once), and the round's ETag
/// marks it reported. A deadline stays due until its report is enqueued, so a restart in between loses nothing.
/// </summary>
public sealed partial class CommentDeadlineWatcher(
    IServiceScopeFactory scopes, CommentRoundRepository rounds, TimeProvider time, IOptions<CommentOptions> options,
    ILogger<CommentDeadlineWatcher> logger) : Infrastructure.Scheduling.PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.DeadlinePollInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => ReportDueRoundsAsync(cancellationToken);

    public async Task ReportDueRoundsAsync(CancellationToken cancellationToken)
    {
        foreach (var due in await rounds.DueAsync(Time.GetUtcNow(), cancellationToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await ReportAsync(scope.ServiceProvider, new TenantScope(due.TenantId), due, cancellationToken);
                await rounds.DoneAsync(due, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One round that cannot be reported now must not hold up the others; it stays due.
                LogRoundFailed(Logger, failure, due.RoundId);
            }
        }
    }

    private async Task ReportAsync(IServiceProvider services, TenantScope tenant, DueCommentRound due, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(tenant, due.AgendaId, due.RoundId, cancellationToken);
        var agenda = await services.GetRequiredService<AgendaRepository>().GetAsync(tenant, due.AgendaId, cancellationToken);
        if (round is null || agenda is null || round.Value.ReportedAt is not null)
        {
            // Erased, or reported by another instance: nothing left to do.
            return;
        }

        var lead = agenda.Value.ProjectLead;
        var chat = await services.GetRequiredService<ConversationReferenceRepository>().FindPersonalChatAsync(tenant, lead.Id, cancellationToken);
        if (chat is null)
        {
            LogNoLeadChat(Logger, due.RoundId);
        }
        else
        {
            var texts = Conversations.PersonalTexts.For(chat);
            var card = await services.GetRequiredService<DraftComments>().RenderAsync(tenant, agenda.Value, round.Value, texts, cancellationToken);
            await services.GetRequiredService<DurablePosts>().EnqueueAsync(tenant,
                new ProactivePost(chat.ConversationId, Poster.Message(card, texts, chat.ConversationId), PersonId: lead.Id),
                $"draft-comments|{due.AgendaId}|{due.RoundId}", due.AgendaId, cancellationToken);
        }

        await rounds.MarkReportedAsync(tenant, round, Time.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comment round {RoundId} ended, but its project lead has no personal chat with the bot; the comments are shown on request only")]
    private static partial void LogNoLeadChat(ILogger logger, string roundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting comment round {RoundId} failed; trying again at the next pass")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure, string roundId);
}
