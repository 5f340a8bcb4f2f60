using System.Text.Json;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Agendas;

/// <summary>Agendas of a tenant and the index of their workshops; one partition per tenant.</summary>
public sealed class AgendaRepository(StorageTables tables)
{
    /// <summary>What the agenda's rows hold about people, for export and erasure (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // The agenda stays when its project lead is erased, without them.
        new(StoredTable.Agendas, Keys.AgendaPrefix, RowErasure.Anonymise,
            [PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("ProjectLeadName", Erase.Blank)])
            { ForPerson = new(PersonalDataKind.ProjectLead) { Text = "Title", At = "CreatedAt" } },
        // The workshop a person last registered for is about them only.
        new(StoredTable.Agendas, Keys.MemberPrefix, RowErasure.Delete, [PersonalColumn.Owner()])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.LastWorkshop) },
    ];

    private readonly TableClient table = tables.Agendas;

    public async Task<Versioned<Agenda>> CreateAsync(TenantScope scope, Agenda agenda, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.AddEntityAsync(ToRow(scope, agenda), cancellationToken);
            return new Versioned<Agenda>(agenda, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            throw new DomainException(DomainErrorCode.Conflict, "agenda exists");
        }
    }

    public async Task<Versioned<Agenda>?> GetAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var row = await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.AgendaRow(agendaId), cancellationToken);
        return row is null ? null : new Versioned<Agenda>(ToAgenda(row), row.ETag);
    }

    public async Task<Versioned<Agenda>> UpdateAsync(TenantScope scope, Versioned<Agenda> changed, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await table.UpdateEntityAsync(ToRow(scope, changed.Value), changed.ETag, TableUpdateMode.Replace, cancellationToken);
            return changed with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException failure) when (failure.IsStale() || failure.Status == Failures.NotFound)
        {
            throw Failures.StaleWrite();
        }
    }

    /// <summary>Every agenda of the tenant: one partition query.</summary>
    public async Task<IReadOnlyList<Agenda>> GetAllAsync(TenantScope scope, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.TenantPartition(scope.TenantId), Keys.AgendaPrefix, cancellationToken)).Select(ToAgenda).ToList();

    /// <summary>The workshops of an agenda: id, field of action and channel, from the index written with each workshop.</summary>
    public async Task<IReadOnlyList<WorkshopListing>> GetWorkshopsAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default)
    {
        var rows = await table.PrefixAsync(Keys.TenantPartition(scope.TenantId), Keys.AgendaWorkshopPrefix(agendaId), cancellationToken);
        return rows.Select(r => new WorkshopListing(r.GetString("WorkshopId"), r.GetString("FieldOfAction"), r.GetString("ConversationId"))).ToList();
    }

    /// <summary>
    /// Remembers the workshop a person last registered for, so that plain text in their personal chat with the bot
    /// can go to that workshop.
    /// </summary>
    public Task RememberWorkshopOfAsync(TenantScope scope, string userId, string workshopId, CancellationToken cancellationToken = default) =>
        table.UpsertEntityAsync(
            new TableEntity(Keys.TenantPartition(scope.TenantId), Keys.MemberRow(userId)) { ["WorkshopId"] = workshopId, ["PersonId"] = userId },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> FindWorkshopOfAsync(TenantScope scope, string userId, CancellationToken cancellationToken = default) =>
        (await table.FindAsync(Keys.TenantPartition(scope.TenantId), Keys.MemberRow(userId), cancellationToken))?.GetString("WorkshopId");

    private static TableEntity ToRow(TenantScope scope, Agenda a) => new(Keys.TenantPartition(scope.TenantId), Keys.AgendaRow(a.Id))
    {
        ["AgendaId"] = a.Id,
        ["Title"] = a.Title,
        // The project lead is a person: the shared PersonId column lets export and erasure find them.
        ["PersonId"] = a.ProjectLead.IsAnonymous ? null : a.ProjectLead.Id,
        ["ProjectLeadName"] = a.ProjectLead.Name,
        ["FieldsOfAction"] = JsonSerializer.Serialize(a.FieldsOfAction.ToList(), StorageJson.Default.ListString),
        ["StatusConversationId"] = a.StatusConversationId,
        ["ScheduleCron"] = a.Schedule.Cron,
        ["ScheduleTimeZone"] = a.Schedule.TimeZone,
        ["CreatedAt"] = a.CreatedAt,
    };

    private static Agenda ToAgenda(TableEntity row) => new()
    {
        Id = row.GetString("AgendaId"),
        Title = row.GetString("Title"),
        ProjectLead = row.GetString("PersonId") is { } leadId
            ? new TeamsUser(leadId, row.GetString("ProjectLeadName") ?? string.Empty)
            : TeamsUser.Anonymous,
        FieldsOfAction = JsonSerializer.Deserialize(row.GetString("FieldsOfAction"), StorageJson.Default.ListString) ?? [],
        StatusConversationId = row.GetString("StatusConversationId"),
        Schedule = new WeeklySchedule(row.GetString("ScheduleCron"), row.GetString("ScheduleTimeZone")),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
    };
}

public sealed record WorkshopListing(string WorkshopId, string FieldOfAction, string ConversationId);
