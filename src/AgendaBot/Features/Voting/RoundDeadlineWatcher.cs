using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Voting;

public sealed class VotingOptions
{
    public const string SectionName = "Voting";

    /// <summary>How often every instance looks for rounds whose deadline has passed.</summary>
    public TimeSpan DeadlinePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// At most one update of a round's shared ballot card (the turnout) per interval and instance: Teams throttles a
    /// conversation at about seven messages a second, and the card needs no more.
    /// </summary>
    public TimeSpan SharedCardInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Closes rounds whose deadline has passed. The deadlines are stored, so they hold across restarts; every instance
/// looks, and the round's ETag makes sure it is closed — and its results posted — once.
/// </summary>
public sealed partial class RoundDeadlineWatcher(
    IServiceScopeFactory scopes, DeadlineRepository deadlines, TimeProvider time, IOptions<VotingOptions> options, ILogger<RoundDeadlineWatcher> logger)
    : Infrastructure.Scheduling.PeriodicPass(time, logger)
{
    protected override TimeSpan Interval => options.Value.DeadlinePollInterval;

    protected override Task PassAsync(CancellationToken cancellationToken) => CloseDueRoundsAsync(cancellationToken);

    public async Task CloseDueRoundsAsync(CancellationToken cancellationToken)
    {
        foreach (var due in await deadlines.DueAsync(Time.GetUtcNow(), cancellationToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<RoundCloser>()
                    .CloseAsync(new TenantScope(due.TenantId), due.WorkshopId, due.RoundId, cancellationToken, byDeadline: true);
                await deadlines.DoneAsync(due, cancellationToken);
            }
            catch (Domain.Common.DomainException failure) when (failure.Code == Domain.Common.DomainErrorCode.NotFound)
            {
                // The round or its workshop was removed (erasure of a whole workshop): nothing left to close.
                await deadlines.DoneAsync(due, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One round that cannot be closed now (Teams unreachable) must not hold up the others; it stays due.
                LogRoundFailed(Logger, failure, due.RoundId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing voting round {RoundId} failed; trying again at the next pass")]
    private static partial void LogRoundFailed(ILogger logger, Exception failure, string roundId);
}
