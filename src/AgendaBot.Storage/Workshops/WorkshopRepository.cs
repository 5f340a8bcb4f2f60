using System.Globalization;
using System.Text.Json;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Workshops;

/// <summary>
/// A workshop and what happens in it. Everything lives in the workshop's own partition, so a contribution, the
/// counter that numbers it and the marker of the activity that brought it commit together or not at all.
/// </summary>
public sealed class WorkshopRepository(StorageTables tables)
{
    private readonly TableClient table = tables.Workshops;

    /// <summary>Stores a new workshop and lists it under its agenda. Calling it again for the same workshop is harmless.</summary>
    public async Task<Versioned<Workshop>> CreateAsync(TenantScope scope, Workshop workshop, CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshop.Id);
        Versioned<Workshop> stored;
        try
        {
            var response = await table.AddEntityAsync(WorkshopRows.ToRow(partition, workshop), cancellationToken);
            stored = new Versioned<Workshop>(workshop, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            stored = await GetAsync(scope, workshop.Id, cancellationToken) ?? throw Failures.StaleWrite();
            if (stored.Value.ConversationId != workshop.ConversationId)
            {
                throw Failures.StaleWrite();
            }
        }

        // Second table, second write: idempotent, so a retry after a failure here converges.
        await tables.Agendas.UpsertEntityAsync(
            new TableEntity(Keys.TenantPartition(scope.TenantId), Keys.AgendaWorkshopRow(workshop.AgendaId, workshop.Id))
            {
                ["WorkshopId"] = workshop.Id,
                ["FieldOfAction"] = workshop.FieldOfAction,
                ["ConversationId"] = workshop.ConversationId,
            },
            TableUpdateMode.Replace, cancellationToken);
        return stored;
    }

    public async Task<Versioned<Workshop>?> GetAsync(TenantScope scope, string workshopId, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.WorkshopHeaderRow, cancellationToken);
        return row is null ? null : new Versioned<Workshop>(WorkshopRows.ToWorkshop(row), row.ETag);
    }

    /// <summary>Writes a changed workshop if nobody changed it since it was read; otherwise a Conflict.</summary>
    public async Task<Versioned<Workshop>> UpdateAsync(TenantScope scope, Versioned<Workshop> changed, CancellationToken cancellationToken = default)
    {
        var row = WorkshopRows.ToRow(Keys.WorkshopPartition(scope.TenantId, changed.Value.Id), changed.Value);
        try
        {
            var response = await table.UpdateEntityAsync(row, changed.ETag, TableUpdateMode.Replace, cancellationToken);
            return changed with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>
    /// Registers a person. Beyond the workshop's capacity they are put on the waiting list. The count and the
    /// registration commit together, so two people cannot both take the last seat.
    /// </summary>
    /// <param name="teamsId">The person's Teams id as the activity carries it ("29:…"), for cards that show them their own view.</param>
    public async Task<RegistrationOutcome> RegisterAsync(TenantScope scope, string workshopId, TeamsUser user, StakeholderGroup group,
        Role role, DateTimeOffset now, string? teamsId = null, CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        using var turn = await CounterGate.EnterAsync(table.Name, partition, cancellationToken);
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var header = await GetAsync(scope, workshopId, cancellationToken)
                ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
            var workshop = header.Value;
            workshop.EnsureRunning();
            var waitlisted = workshop.IsFull && role == Role.Participant;
            var participant = new Participant { User = user, Group = group, Role = role, Waitlisted = waitlisted, RegisteredAt = now, TeamsId = teamsId };
            var counted = waitlisted ? workshop : workshop with { ParticipantCount = workshop.ParticipantCount + 1 };
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.UpdateReplace, WorkshopRows.ToRow(partition, counted), header.ETag),
                new(TableTransactionActionType.Add, WorkshopRows.ToRow(partition, participant)),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return new RegistrationOutcome(waitlisted ? RegistrationResult.Waitlisted : RegistrationResult.Registered,
                    participant, counted.ParticipantCount, workshop.Capacity);
            }
            catch (TableTransactionFailedException failure) when (failure.IsConflict())
            {
                var existing = await GetParticipantAsync(scope, workshopId, user.Id, cancellationToken);
                if (existing is not null)
                {
                    return new RegistrationOutcome(RegistrationResult.AlreadyRegistered, existing, workshop.ParticipantCount, workshop.Capacity);
                }
            }
            catch (TableTransactionFailedException failure) when (failure.IsStale())
            {
                // Someone else registered or the step moved on meanwhile: read again and retry.
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

    /// <summary>
    /// A registered person moves to another stakeholder group (and their Teams id is kept when the row has none yet);
    /// their seat, role and place on the waiting list stay. Returns the registration as stored now.
    /// </summary>
    public async Task<Participant> ChangeRegistrationAsync(TenantScope scope, string workshopId, Participant registered, StakeholderGroup group,
        string? teamsId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var changed = registered with { Group = group, TeamsId = teamsId ?? registered.TeamsId };
        if (changed == registered)
        {
            return registered;
        }

        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        try
        {
            // A merge of the two columns only: an erasure meanwhile deletes the row, and then this fails instead of reviving it.
            await table.UpdateEntityAsync(new TableEntity(partition, Keys.ParticipantRow(registered.User.Id))
            {
                ["Group"] = changed.Group.ToString(),
                ["TeamsId"] = changed.TeamsId,
            }, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (Azure.RequestFailedException failure) when (failure.Status == 404)
        {
            throw new DomainException(DomainErrorCode.NotFound, "registration");
        }

        return changed;
    }

    public async Task<Participant?> GetParticipantAsync(TenantScope scope, string workshopId, string userId, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.ParticipantRow(userId), cancellationToken);
        return row is null ? null : WorkshopRows.ToParticipant(row);
    }

    public async Task<IReadOnlyList<Participant>> GetParticipantsAsync(TenantScope scope, string workshopId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.ParticipantPrefix, cancellationToken);
        return rows.Select(WorkshopRows.ToParticipant).ToList();
    }

    /// <summary>
    /// Adds a contribution numbered by the workshop's counter. The same activity delivered again returns the
    /// contribution it created the first time instead of a second one.
    /// </summary>
    public async Task<ContributionOutcome> AddContributionAsync(TenantScope scope, string workshopId, string activityId,
        Func<Workshop, int, Contribution> create, CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        using var turn = await CounterGate.EnterAsync(table.Name, partition, cancellationToken);
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var header = await GetAsync(scope, workshopId, cancellationToken)
                ?? throw new DomainException(DomainErrorCode.NotFound, "workshop");
            Contribution contribution;
            try
            {
                contribution = create(header.Value, header.Value.NextContributionNumber);
            }
            catch (DomainException)
            {
                // A late second delivery, after the step closed, already counted the first time.
                if (await FindDuplicateAsync(partition, activityId, cancellationToken) is { } earlier)
                {
                    return new ContributionOutcome(earlier, WasDuplicate: true);
                }

                throw;
            }

            var counted = header.Value with { NextContributionNumber = contribution.Number + 1 };
            TableTransactionAction[] batch =
            [
                new(TableTransactionActionType.UpdateReplace, WorkshopRows.ToRow(partition, counted), header.ETag),
                new(TableTransactionActionType.Add, WorkshopRows.ToRow(partition, contribution)),
                new(TableTransactionActionType.Add,
                    WorkshopRows.DedupeRow(partition, activityId, contribution.Number.ToString(CultureInfo.InvariantCulture))),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return new ContributionOutcome(contribution, WasDuplicate: false);
            }
            catch (TableTransactionFailedException failure) when (failure.IsConflict() || failure.IsStale())
            {
                if (await FindDuplicateAsync(partition, activityId, cancellationToken) is { } earlier)
                {
                    return new ContributionOutcome(earlier, WasDuplicate: true);
                }

                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

    /// <summary>The contribution an activity created, if it created one (its redelivery is answered, not refused).</summary>
    public Task<Contribution?> FindContributionOfActivityAsync(TenantScope scope, string workshopId, string activityId,
        CancellationToken cancellationToken = default) =>
        FindDuplicateAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), activityId, cancellationToken);

    private async Task<Contribution?> FindDuplicateAsync(string partition, string activityId, CancellationToken cancellationToken)
    {
        var marker = await table.FindAsync(partition, Keys.DedupeRow(activityId), cancellationToken);
        if (marker?.GetString("Result") is not { } result || !int.TryParse(result, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var row = await table.FindAsync(partition, Keys.ContributionRow(number), cancellationToken);
        return row is null ? null : WorkshopRows.ToContribution(row);
    }

    public async Task<Versioned<Contribution>?> GetContributionAsync(TenantScope scope, string workshopId, int number, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.ContributionRow(number), cancellationToken);
        return row is null ? null : new Versioned<Contribution>(WorkshopRows.ToContribution(row), row.ETag);
    }

    /// <summary>All contributions of a workshop in number order: the pinboard in one query.</summary>
    public async Task<IReadOnlyList<Contribution>> GetContributionsAsync(TenantScope scope, string workshopId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.ContributionPrefix, cancellationToken);
        return rows.Select(WorkshopRows.ToContribution).ToList();
    }

    /// <summary>What the pinboard messages showed when last sent; none when nothing was kept (every page counts as changed).</summary>
    public async Task<Versioned<PinboardFingerprints>> GetPinboardFingerprintsAsync(TenantScope scope, string workshopId,
        CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.PinboardShownRow, cancellationToken);
        return row is null
            ? new Versioned<PinboardFingerprints>(PinboardFingerprints.None, default)
            : new Versioned<PinboardFingerprints>(new PinboardFingerprints(
                JsonSerializer.Deserialize(row.GetString("Pages") ?? "{}", StorageJson.Default.DictionaryStringString) ?? []), row.ETag);
    }

    /// <summary>
    /// Keeps the fingerprints if nobody changed them since they were read (the row is new if none was read); otherwise
    /// a Conflict. A row of its own, so that redraws do not contend with the counters on the header.
    /// </summary>
    public async Task SavePinboardFingerprintsAsync(TenantScope scope, string workshopId, Versioned<PinboardFingerprints> changed,
        CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(Keys.WorkshopPartition(scope.TenantId, workshopId), Keys.PinboardShownRow)
        {
            ["Pages"] = JsonSerializer.Serialize(changed.Value.ByActivityId.ToDictionary(StringComparer.Ordinal), StorageJson.Default.DictionaryStringString),
        };
        try
        {
            if (changed.ETag == default)
            {
                await table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(row, changed.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException failure) when (failure.IsConflict() || failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>Writes changed contributions (an edit, a merge of two) together, each checked against its ETag.</summary>
    public async Task UpdateContributionsAsync(TenantScope scope, string workshopId, IReadOnlyList<Versioned<Contribution>> changed,
        CancellationToken cancellationToken = default)
    {
        var partition = Keys.WorkshopPartition(scope.TenantId, workshopId);
        var batch = changed.Select(c => new TableTransactionAction(
            TableTransactionActionType.UpdateReplace, WorkshopRows.ToRow(partition, c.Value), c.ETag)).ToList();
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>
    /// Deletes a registration for its person's erasure, together with its seat: the count on the header and the row
    /// change in one transaction, tried again when someone registered meanwhile.
    /// </summary>
    internal async Task DeleteRegistrationAsync(TableEntity participant, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var header = await table.FindAsync(participant.PartitionKey, Keys.WorkshopHeaderRow, cancellationToken);
            var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, participant, ETag.All) };
            if (header is not null && participant.GetBoolean("Waitlisted") != true)
            {
                header["ParticipantCount"] = Math.Max(0, (header.GetInt32("ParticipantCount") ?? 0) - 1);
                batch.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, header, header.ETag));
            }

            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException failure) when (failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }
}
