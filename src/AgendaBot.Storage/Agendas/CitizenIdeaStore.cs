using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Agendas;

public enum IdeaSubmission
{
    Stored,

    /// <summary>The agenda took as many ideas today as it takes a day; nothing was stored.</summary>
    DailyCapReached,
}

/// <summary>
/// The ideas citizens sent through an agenda's idea window, in the agenda's partition of the Measures table. Each
/// submission is written together with the day's count, so that the daily cap holds however many arrive at once.
/// Nothing here names a person: the window asks for no name, and who decided stays in Teams.
/// </summary>
public sealed class CitizenIdeaStore(StorageTables tables, TimeProvider time)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        StoredRow.Nobody(StoredTable.Measures, Keys.CitizenIdeaPrefix),
        StoredRow.Nobody(StoredTable.Measures, Keys.CitizenIdeaDayPrefix),
    ];

    private readonly TableClient table = tables.Measures;

    // The accepted ideas a public page shows, read at most RecentReads.For ago, like the page's version.
    private readonly RecentReads<IReadOnlyList<CitizenIdea>> accepted = new(time);

    public async Task<IdeaSubmission> SubmitAsync(TenantScope scope, string agendaId, CitizenIdea idea, int dailyCap,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(idea);
        var partition = Keys.MeasurePartition(scope.TenantId, agendaId);
        var dayKey = Keys.CitizenIdeaDayRow(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(idea.SubmittedAt, Berlin).DateTime));
        for (var attempt = 1; attempt <= OptimisticRetry.MaxAttempts; attempt++)
        {
            var day = await table.FindAsync(partition, dayKey, cancellationToken);
            var count = day?.GetInt32("Count") ?? 0;
            if (count >= dailyCap)
            {
                return IdeaSubmission.DailyCapReached;
            }

            var counted = new TableEntity(partition, dayKey) { ["Count"] = count + 1 };
            TableTransactionAction[] batch =
            [
                day is null ? new(TableTransactionActionType.Add, counted) : new(TableTransactionActionType.UpdateReplace, counted, day.ETag),
                new(TableTransactionActionType.Add, ToRow(partition, idea)),
            ];
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                return IdeaSubmission.Stored;
            }
            catch (TableTransactionFailedException failure) when (failure.IsConflict() || failure.IsStale())
            {
                await OptimisticRetry.PauseAsync(attempt, cancellationToken);
            }
        }

        throw Failures.StaleWrite();
    }

    /// <summary>Takes back a submission whose moderation card could not be queued, so that no idea waits unseen.</summary>
    public Task WithdrawAsync(TenantScope scope, string agendaId, string ideaId, CancellationToken cancellationToken = default) =>
        table.DeleteIfPresentAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CitizenIdeaRow(ideaId), cancellationToken);

    public async Task<Versioned<CitizenIdea>?> GetAsync(TenantScope scope, string agendaId, string ideaId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CitizenIdeaRow(ideaId), cancellationToken) is { } row
            ? new Versioned<CitizenIdea>(ToIdea(row), row.ETag)
            : null;

    public async Task<IReadOnlyList<CitizenIdea>> GetAllAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.CitizenIdeaPrefix, cancellationToken))
            .Select(ToIdea).OrderBy(i => i.SubmittedAt).ToList();

    /// <summary>Records a moderator's decision, unless another was recorded since the idea was read (then false).</summary>
    public async Task<bool> DecideAsync(TenantScope scope, string agendaId, Versioned<CitizenIdea> decided, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decided);
        try
        {
            await table.UpdateEntityAsync(ToRow(Keys.MeasurePartition(scope.TenantId, agendaId), decided.Value), decided.ETag, TableUpdateMode.Replace,
                cancellationToken);
            accepted.Forget(CacheKey(scope, agendaId));
            return true;
        }
        catch (RequestFailedException failure) when (failure.IsStale())
        {
            return false;
        }
    }

    /// <summary>The accepted ideas of an agenda, for its public page, read at most <see cref="PublicationStore.ReadFor"/> ago.</summary>
    public Task<IReadOnlyList<CitizenIdea>> GetAcceptedForPageAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        accepted.GetAsync(CacheKey(scope, agendaId), async () => (IReadOnlyList<CitizenIdea>)(await GetAllAsync(scope, agendaId, cancellationToken))
            .Where(i => i.State == CitizenIdeaState.Accepted).OrderByDescending(i => i.DecidedAt).ToList());

    private static string CacheKey(TenantScope scope, string agendaId) => Keys.MeasurePartition(scope.TenantId, agendaId);

    private static TableEntity ToRow(string partition, CitizenIdea idea) => new(partition, Keys.CitizenIdeaRow(idea.Id))
    {
        ["IdeaId"] = idea.Id,
        ["FieldOfAction"] = idea.FieldOfAction,
        ["Text"] = idea.Text,
        ["District"] = idea.District,
        ["SubmittedAt"] = idea.SubmittedAt,
        ["State"] = idea.State.ToString(),
        ["DecidedAt"] = idea.DecidedAt,
        ["Reason"] = idea.Reason,
        ["WorkshopId"] = idea.WorkshopId,
        ["WorkshopTitle"] = idea.WorkshopTitle,
        ["Step"] = idea.Step is { } step ? (int)step : null,
        ["ContributionNumber"] = idea.ContributionNumber,
    };

    private static CitizenIdea ToIdea(TableEntity row) => new()
    {
        Id = row.GetString("IdeaId"),
        FieldOfAction = row.GetString("FieldOfAction"),
        Text = row.GetString("Text"),
        District = row.GetString("District"),
        SubmittedAt = row.GetDateTimeOffset("SubmittedAt") ?? default,
        State = Enum.TryParse<CitizenIdeaState>(row.GetString("State"), out var state) ? state : CitizenIdeaState.Pending,
        DecidedAt = row.GetDateTimeOffset("DecidedAt"),
        Reason = row.GetString("Reason"),
        WorkshopId = row.GetString("WorkshopId"),
        WorkshopTitle = row.GetString("WorkshopTitle"),
        Step = row.GetInt32("Step") is { } step ? (WorkshopStep)step : null,
        ContributionNumber = row.GetInt32("ContributionNumber"),
    };
}
