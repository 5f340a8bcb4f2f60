using System.Text.Json;
using AgendaBot.Domain.Agendas;
using AgendaBot.Domain.People;
using AgendaBot.Storage.PersonalData;
using Azure;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Agendas;

/// <summary>
/// The kick-off of an agenda, who took part (with their stakeholder group) and its first ideas, in the agenda's
/// partition of the Measures table.
/// </summary>
public sealed class KickOffStore(StorageTables tables)
{
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        StoredRow.Nobody(StoredTable.Measures, Keys.KickOffRow),
        // Being at the kick-off is about the person only; the group counts go with it.
        new(StoredTable.Measures, Keys.KickOffMemberPrefix, RowErasure.Delete, [PersonalColumn.Owner(), PersonalColumn.NameOfOwner("Name")])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.KickOffRegistration) { At = "At", Detail = "Group" } },
        // An idea is the group's material: it stays without its author, as a contribution does.
        new(StoredTable.Measures, Keys.KickOffIdeaPrefix, RowErasure.Anonymise,
            [PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("AuthorName", Erase.Blank), PersonalColumn.TextOf(PersonalColumn.PersonId, "Text")])
            { ForPerson = new(PersonalDataKind.KickOffIdea) { At = "SubmittedAt", Text = "Text" } },
    ];

    private readonly TableClient table = tables.Measures;

    public Task SaveAsync(TenantScope scope, KickOff kickOff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kickOff);
        return table.UpsertEntityAsync(new TableEntity(Keys.MeasurePartition(scope.TenantId, kickOff.AgendaId), Keys.KickOffRow)
        {
            ["Goals"] = kickOff.Goals,
            ["Dates"] = JsonSerializer.Serialize(kickOff.Dates.ToList(), StorageJson.Default.ListPlannedWorkshop),
            ["StartsAt"] = kickOff.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["OpenedAt"] = kickOff.OpenedAt,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<KickOff?> GetAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        await table.FindAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.KickOffRow, cancellationToken) is { } row
            ? new KickOff
            {
                AgendaId = agendaId,
                Goals = row.GetString("Goals") ?? string.Empty,
                Dates = JsonSerializer.Deserialize(row.GetString("Dates") ?? "[]", StorageJson.Default.ListPlannedWorkshop) ?? [],
                StartsAt = TimeOnly.TryParseExact(row.GetString("StartsAt"), "HH:mm", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.None, out var start) ? start : KickOff.DefaultStart,
                OpenedAt = row.GetDateTimeOffset("OpenedAt") ?? default,
            }
            : null;

    public Task RegisterAsync(TenantScope scope, string agendaId, KickOffMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return table.UpsertEntityAsync(new TableEntity(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.KickOffMemberRow(member.Person.Id))
        {
            [PersonalColumn.PersonId] = member.Person.Id,
            ["AgendaId"] = agendaId,
            ["Name"] = member.Person.Name,
            ["Group"] = member.Group.ToString(),
            ["At"] = member.At,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<KickOffMember>> GetMembersAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.KickOffMemberPrefix, cancellationToken))
            .Select(r => new KickOffMember(new TeamsUser(r.GetString(PersonalColumn.PersonId), r.GetString("Name") ?? string.Empty),
                Enum.TryParse<StakeholderGroup>(r.GetString("Group"), out var group) ? group : StakeholderGroup.Citizens, r.GetDateTimeOffset("At") ?? default))
            .ToList();

    /// <summary>Adds an idea; the same idea (its id comes from the click) delivered twice is stored once.</summary>
    public async Task AddIdeaAsync(TenantScope scope, string agendaId, KickOffIdea idea, CancellationToken cancellationToken = default)
    {
        try
        {
            await table.AddEntityAsync(ToRow(Keys.MeasurePartition(scope.TenantId, agendaId), agendaId, idea), cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.IsConflict())
        {
            // Stored by the first delivery.
        }
    }

    public async Task<IReadOnlyList<Versioned<KickOffIdea>>> GetIdeasAsync(TenantScope scope, string agendaId, CancellationToken cancellationToken = default) =>
        (await table.PrefixAsync(Keys.MeasurePartition(scope.TenantId, agendaId), Keys.KickOffIdeaPrefix, cancellationToken))
            .Select(r => new Versioned<KickOffIdea>(ToIdea(r), r.ETag)).OrderBy(i => i.Value.SubmittedAt).ToList();

    /// <summary>Stores a changed idea unless it changed since it was read (then false).</summary>
    public async Task<bool> UpdateIdeaAsync(TenantScope scope, string agendaId, Versioned<KickOffIdea> changed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        try
        {
            await table.UpdateEntityAsync(ToRow(Keys.MeasurePartition(scope.TenantId, agendaId), agendaId, changed.Value), changed.ETag, TableUpdateMode.Replace,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.IsStale())
        {
            return false;
        }
    }

    private static TableEntity ToRow(string partition, string agendaId, KickOffIdea idea) => new(partition, Keys.KickOffIdeaRow(idea.Id))
    {
        ["IdeaId"] = idea.Id,
        ["AgendaId"] = agendaId,
        [PersonalColumn.PersonId] = idea.Author.Id,
        ["AuthorName"] = idea.Author.Name,
        ["Text"] = idea.Text,
        ["FieldOfAction"] = idea.FieldOfAction,
        ["SubmittedAt"] = idea.SubmittedAt,
        ["WorkshopId"] = idea.WorkshopId,
        ["Contribution"] = idea.Contribution,
    };

    private static KickOffIdea ToIdea(TableEntity row) => new()
    {
        Id = row.GetString("IdeaId"),
        Author = new TeamsUser(row.GetString(PersonalColumn.PersonId) ?? TeamsUser.Anonymous.Id, row.GetString("AuthorName") ?? string.Empty),
        Text = row.GetString("Text") ?? string.Empty,
        FieldOfAction = row.GetString("FieldOfAction"),
        SubmittedAt = row.GetDateTimeOffset("SubmittedAt") ?? default,
        WorkshopId = row.GetString("WorkshopId"),
        Contribution = row.GetInt32("Contribution"),
    };
}
