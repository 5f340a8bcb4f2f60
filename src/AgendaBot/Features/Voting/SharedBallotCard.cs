using System.Collections.Concurrent;
using AgendaBot.Bot.Posting;
using AgendaBot.Bot.Routing;
using AgendaBot.Domain.Voting;
using AgendaBot.Domain.Workshops;
using AgendaBot.Features.Workshops;
using AgendaBot.Infrastructure.Telemetry;
using AgendaBot.Storage;
using AgendaBot.Storage.Voting;
using Microsoft.Extensions.Options;

namespace AgendaBot.Features.Voting;

/// <summary>
/// Keeps the ballot message everyone sees showing the turnout, without an update per ballot: Teams takes about seven
/// messages a second per conversation, and a round can take hundreds of ballots a second. The first ballot after a
/// quiet interval updates the card before the voter is answered (so a single voter sees it as before); ballots within
/// the interval leave one trailing update, which counts again from storage when it runs, so it includes every ballot
/// written before it — whichever instance took them. At most one update per round and interval runs on an instance.
/// It also keeps the contributions and the workshop header a round's cards show, read again with every update, so a
/// ballot need not read them (only display depends on them; what a ballot may contain is the stored round's).
/// </summary>
public sealed partial class SharedBallotCard(
    BallotReads reads, VotingRepository voting, IServiceScopeFactory scopes, TimeProvider time, IOptions<VotingOptions> options,
    ILogger<SharedBallotCard> logger) : IDisposable
{
    /// <summary>The span around one update: its storage calls and its PUT, at most one per interval, not per ballot.</summary>
    public const string UpdateSpanName = "update shared ballot card";

    private readonly ConcurrentDictionary<string, Slot> slots = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>
    /// A ballot was written: updates the shared card now or soon. Returns the turnout last counted for the round on this
    /// instance and the contributions last read, for the voter's own card (exact when this call updated the card, else
    /// at most an interval old).
    /// </summary>
    public async Task<(int Turnout, IReadOnlyList<Contribution> Contributions, Workshop Workshop)> BallotWrittenAsync(TenantScope tenant, Workshop workshop, IReadOnlyList<Contribution> contributions, string roundId,
        CancellationToken cancellationToken)
    {
        var slot = slots.GetOrAdd(Key(tenant, workshop.Id, roundId), _ => new Slot(tenant, roundId));
        lock (slot)
        {
            // Both are read again with every update; a ballot's own copy may be older (KnownVoters).
            slot.Workshop ??= workshop;
            slot.Contributions ??= contributions;
        }

        if (time.GetUtcNow() - slot.LastStarted >= options.Value.SharedCardInterval && slot.Running.Wait(0, CancellationToken.None))
        {
            try
            {
                await UpdateAsync(slot, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The ballot is stored and the voter must hear so; the card catches up with the trailing update.
                LogUpdateFailed(logger, failure, roundId);
                ScheduleTrailing(slot);
            }
            finally
            {
                slot.Running.Release();
            }
        }
        else
        {
            ScheduleTrailing(slot);
        }

        lock (slot)
        {
            return (slot.Turnout, slot.Contributions ?? contributions, slot.Workshop ?? workshop);
        }
    }

    /// <summary>
    /// A round this instance just started: its ballots need not read the contributions the start read. The card is
    /// not marked as updated, so the round's first ballot still updates it before the voter is answered.
    /// </summary>
    public void RoundStarted(TenantScope tenant, Workshop workshop, IReadOnlyList<Contribution> contributions, string roundId)
    {
        var slot = slots.GetOrAdd(Key(tenant, workshop.Id, roundId), _ => new Slot(tenant, roundId));
        lock (slot)
        {
            slot.Workshop ??= workshop;
            slot.Contributions ??= contributions;
        }
    }

    /// <summary>The contributions last read for a round's cards on this instance (at most an interval old while ballots come in), or null.</summary>
    public IReadOnlyList<Contribution>? ContributionsOf(TenantScope tenant, string workshopId, string roundId)
    {
        if (!slots.TryGetValue(Key(tenant, workshopId, roundId), out var slot))
        {
            return null;
        }

        lock (slot)
        {
            return slot.Contributions;
        }
    }

    private static string Key(TenantScope tenant, string workshopId, string roundId) => $"{tenant.TenantId}|{workshopId}|{roundId}";

    private void ScheduleTrailing(Slot slot)
    {
        lock (slot)
        {
            if (slot.TrailingScheduled)
            {
                return;
            }

            slot.TrailingScheduled = true;
        }

        // Not part of the ballot's request: its trace, its cancellation and its wait end with the answer to the voter.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => TrailAsync(slot));
        }
    }

    private async Task TrailAsync(Slot slot)
    {
        try
        {
            while (true)
            {
                var wait = slot.LastStarted + options.Value.SharedCardInterval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stopping.Token);
                }

                await slot.Running.WaitAsync(stopping.Token);
                if (time.GetUtcNow() - slot.LastStarted >= options.Value.SharedCardInterval)
                {
                    break;
                }

                // A ballot's own update ran meanwhile: wait out its interval, too.
                slot.Running.Release();
            }

            try
            {
                // Cleared before the count is read: a ballot written after this point schedules the next update.
                lock (slot)
                {
                    slot.TrailingScheduled = false;
                }

                await UpdateAsync(slot, stopping.Token);
            }
            finally
            {
                slot.Running.Release();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the next ballot or the round's close brings the card up to date.
        }
        catch (Exception failure)
        {
            lock (slot)
            {
                slot.TrailingScheduled = false;
            }

            LogUpdateFailed(logger, failure, slot.RoundId);
        }
    }

    private async Task UpdateAsync(Slot slot, CancellationToken cancellationToken)
    {
        Workshop workshop;
        lock (slot)
        {
            workshop = slot.Workshop!;
        }

        slot.LastStarted = time.GetUtcNow();
        using var span = BotTelemetry.Source.StartActivity(UpdateSpanName);
        // Round, turnout, header and contributions in one query: a round-trip per update, not three.
        if (await reads.ReadCardSceneAsync(slot.Tenant, workshop.Id, slot.RoundId, cancellationToken) is not { } scene
            || scene.Round is not { Round.State: RoundState.Open, Round.BallotCard: { } card } read)
        {
            // Closing or closed: the closer shows the final card; nothing to keep up to date any more.
            slots.TryRemove(new KeyValuePair<string, Slot>(Key(slot.Tenant, workshop.Id, slot.RoundId), slot));
            return;
        }

        var contributions = scene.Contributions;
        workshop = scene.Workshop ?? workshop;
        lock (slot)
        {
            slot.Contributions = contributions;
            slot.Workshop = workshop;
        }

        slot.Turnout = read.Turnout;
        await using var scope = scopes.CreateAsyncScope();
        var poster = scope.ServiceProvider.GetRequiredService<Poster>();
        var texts = SharedTexts.For(workshop);
        await poster.Now.UpdateAsync(card.ServiceUrl, card.ConversationId, card.ActivityId,
            BallotCard.Render(read.Round, workshop, contributions, read.Turnout, workshop.ParticipantCount, texts), texts, cancellationToken);

        // The round may have closed while the open card was on its way, and the closer's final card may have arrived
        // first; then this update hid it, so show the final card again. (Still Closing: the closer updates after us.)
        if ((await voting.GetRoundAsync(slot.Tenant, workshop.Id, slot.RoundId, cancellationToken))?.Value is { State: RoundState.Closed } closed)
        {
            await poster.Now.UpdateAsync(card.ServiceUrl, card.ConversationId, card.ActivityId,
                BallotCard.Render(closed, workshop, contributions, closed.Results?.Ballots ?? 0, workshop.ParticipantCount, texts),
                texts, cancellationToken);
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    private sealed class Slot(TenantScope tenant, string roundId)
    {
        public TenantScope Tenant { get; } = tenant;

        public string RoundId { get; } = roundId;

        public SemaphoreSlim Running { get; } = new(1, 1);

        public Workshop? Workshop { get; set; }

        public IReadOnlyList<Contribution>? Contributions { get; set; }

        public bool TrailingScheduled { get; set; }

        private long lastStartedTicks = DateTimeOffset.MinValue.UtcTicks;

        public DateTimeOffset LastStarted
        {
            get => new(Interlocked.Read(ref lastStartedTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref lastStartedTicks, value.UtcTicks);
        }

        public int Turnout { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the shared ballot card of round {RoundId} failed; the next ballot tries again")]
    private static partial void LogUpdateFailed(ILogger logger, Exception failure, string roundId);
}
