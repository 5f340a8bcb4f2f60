using System.Text.Json;
using AgendaBot.Domain.People;
using AgendaBot.Domain.Workshops;
using AgendaBot.Storage.PersonalData;
using Azure.Data.Tables;

namespace AgendaBot.Storage.Workshops;

/// <summary>How workshop headers, participants and contributions look as table rows.</summary>
internal static class WorkshopRows
{
    /// <summary>Every row that belongs to one person carries their id here, so export and erasure find it with one filter.</summary>
    public const string PersonId = PersonalColumn.PersonId;

    /// <summary>What a workshop's rows hold about people, for export and erasure (<see cref="PersonalDataRegistry"/>).</summary>
    internal static readonly IReadOnlyList<StoredRow> PersonalData =
    [
        // Moderator ids sit in a JSON list on the header. Not exported: the person's registration says they moderate.
        new(StoredTable.Workshops, Keys.WorkshopHeaderRow, RowErasure.Anonymise,
            [
                new("Moderators", Holds.PersonIds, Erase.RemoveFromList, Show.No), new("OpenedBy", Holds.PersonId, Erase.Remove, Show.No),
                // The Teams ids of moderators beside their object ids, one per place: erasure takes both out together.
                new("ModerationViewerIds", Holds.PersonIds, Erase.RemoveFromList, Show.No),
                new("ModerationViewerTeamsIds", Holds.Name, Erase.RemoveFromList, Show.No) { Of = "ModerationViewerIds" },
            ]),
        new(StoredTable.Workshops, Keys.ParticipantPrefix, RowErasure.DeleteRegistration,
            // The Teams id is the person's as much as their name: it goes with the row.
            [PersonalColumn.Owner(), PersonalColumn.NameOfOwner("Name"), PersonalColumn.NameOfOwner("TeamsId")])
            { KeyNamesPerson = true, ForPerson = new(PersonalDataKind.Registration) { At = "RegisteredAt", Text = "Role", Detail = "Group" } },
        // A contribution is the group's work: it stays without its author.
        new(StoredTable.Workshops, Keys.ContributionPrefix, RowErasure.Anonymise,
            [
                PersonalColumn.Owner(Erase.Remove), PersonalColumn.NameOfOwner("AuthorName", Erase.Blank), PersonalColumn.TextOf(PersonId, "Text"),
                // A plan line the bot wrote names the measure's owner inside the text: erasure takes the name out there too.
                new("MentionedId", Holds.PersonId, Erase.Remove), PersonalColumn.NameOf("MentionedId", "MentionedName", Erase.Remove) with { AlsoIn = "Text" },
            ])
        {
            ForPerson = new(PersonalDataKind.Contribution) { At = "CreatedAt", Text = "Text", Step = "Step" },
            // The line is the moderator's: the person sees that it names them, not its words (as in the export).
            ForNamed = new(PersonalDataKind.PlanLineNamingYou) { At = "CreatedAt", Step = "Step" },
        },
        // The result of an activity: a contribution number or a round id.
        StoredRow.Nobody(StoredTable.Workshops, Keys.DedupePrefix),
        // Activity ids of the pinboard messages and a hash of each card: nothing that names anyone.
        StoredRow.Nobody(StoredTable.Workshops, Keys.PinboardShownRow),
        // The agenda's index of its workshops, written with the workshop.
        StoredRow.Nobody(StoredTable.Agendas, Keys.AgendaWorkshopPrefixAll),
    ];

    public static TableEntity ToRow(string partition, Workshop w) => new(partition, Keys.WorkshopHeaderRow)
    {
        ["WorkshopId"] = w.Id,
        ["AgendaId"] = w.AgendaId,
        ["FieldOfAction"] = w.FieldOfAction,
        ["ConversationId"] = w.ConversationId,
        ["Moderators"] = JsonSerializer.Serialize(w.ModeratorIds.Order(StringComparer.Ordinal).ToList(), StorageJson.Default.ListString),
        ["Capacity"] = w.Capacity,
        ["CurrentStep"] = (int)w.CurrentStep,
        ["StepState"] = w.StepState.ToString(),
        ["Completed"] = w.Completed,
        ["ParticipantCount"] = w.ParticipantCount,
        ["NextContributionNumber"] = w.NextContributionNumber,
        ["CreatedAt"] = w.CreatedAt,
        ["Language"] = w.Language,
        ["PinboardConversationId"] = w.Pinboard.ConversationId,
        ["PinboardActivityIds"] = JsonSerializer.Serialize(w.Pinboard.ActivityIds.ToList(), StorageJson.Default.ListString),
        ["RegistrationCard"] = w.RegistrationCard is null ? null : JsonSerializer.Serialize(w.RegistrationCard, StorageJson.Default.PostedCard),
        ["OpenedCard"] = w.OpenedCard is null ? null : JsonSerializer.Serialize(w.OpenedCard, StorageJson.Default.PostedCard),
        ["OpenedBy"] = w.OpenedBy,
        ["StakeholderCards"] = w.StakeholderCards.Count == 0 ? null : JsonSerializer.Serialize(w.StakeholderCards.ToList(), StorageJson.Default.ListPostedCard),
        ["EndedAt"] = w.EndedAt,
        ["Generation"] = w.Generation == 0 ? null : w.Generation,
        ["LatestId"] = w.LatestId,
        ["ModerationViewerIds"] = w.ModerationViewers.Count == 0 ? null
            : JsonSerializer.Serialize(w.ModerationViewers.Keys.Order(StringComparer.Ordinal).ToList(), StorageJson.Default.ListString),
        ["ModerationViewerTeamsIds"] = w.ModerationViewers.Count == 0 ? null
            : JsonSerializer.Serialize(w.ModerationViewers.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value).ToList(), StorageJson.Default.ListString),
    };

    public static Workshop ToWorkshop(TableEntity row) => new()
    {
        Id = row.GetString("WorkshopId"),
        AgendaId = row.GetString("AgendaId"),
        FieldOfAction = row.GetString("FieldOfAction"),
        ConversationId = row.GetString("ConversationId"),
        ModeratorIds = new HashSet<string>(
            JsonSerializer.Deserialize(row.GetString("Moderators"), StorageJson.Default.ListString) ?? [], StringComparer.Ordinal),
        Capacity = row.GetInt32("Capacity") ?? Workshop.DefaultCapacity,
        CurrentStep = (WorkshopStep)(row.GetInt32("CurrentStep") ?? 1),
        StepState = Enum.Parse<StepState>(row.GetString("StepState")),
        Completed = row.GetBoolean("Completed") ?? false,
        ParticipantCount = row.GetInt32("ParticipantCount") ?? 0,
        NextContributionNumber = row.GetInt32("NextContributionNumber") ?? 1,
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        Language = row.GetString("Language") ?? "de",
        Pinboard = new Pinboard(
            row.GetString("PinboardConversationId"),
            JsonSerializer.Deserialize(row.GetString("PinboardActivityIds") ?? "[]", StorageJson.Default.ListString) ?? []),
        RegistrationCard = row.GetString("RegistrationCard") is { } registration ? JsonSerializer.Deserialize(registration, StorageJson.Default.PostedCard) : null,
        OpenedCard = row.GetString("OpenedCard") is { } opened ? JsonSerializer.Deserialize(opened, StorageJson.Default.PostedCard) : null,
        OpenedBy = row.GetString("OpenedBy"),
        StakeholderCards = row.GetString("StakeholderCards") is { } stakeholders
            ? JsonSerializer.Deserialize(stakeholders, StorageJson.Default.ListPostedCard) ?? []
            : [],
        EndedAt = row.GetDateTimeOffset("EndedAt"),
        Generation = row.GetInt32("Generation") ?? 0,
        LatestId = row.GetString("LatestId"),
        ModerationViewers = ViewersOf(row),
    };

    private static Dictionary<string, string> ViewersOf(TableEntity row)
    {
        var ids = row.GetString("ModerationViewerIds") is { } a ? JsonSerializer.Deserialize(a, StorageJson.Default.ListString) ?? [] : [];
        var teamsIds = row.GetString("ModerationViewerTeamsIds") is { } b ? JsonSerializer.Deserialize(b, StorageJson.Default.ListString) ?? [] : [];
        var viewers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(ids.Count, teamsIds.Count); i++)
        {
            viewers[ids[i]] = teamsIds[i];
        }

        return viewers;
    }

    public static TableEntity ToRow(string partition, Participant p) => new(partition, Keys.ParticipantRow(p.User.Id))
    {
        [PersonId] = p.User.Id,
        ["Name"] = p.User.Name,
        ["Group"] = p.Group.ToString(),
        ["Role"] = p.Role.ToString(),
        ["Waitlisted"] = p.Waitlisted,
        ["RegisteredAt"] = p.RegisteredAt,
        ["TeamsId"] = p.TeamsId,
    };

    public static Participant ToParticipant(TableEntity row) => new()
    {
        User = new TeamsUser(row.GetString(PersonId), row.GetString("Name") ?? string.Empty),
        Group = Enum.Parse<StakeholderGroup>(row.GetString("Group")),
        Role = Enum.Parse<Role>(row.GetString("Role")),
        Waitlisted = row.GetBoolean("Waitlisted") ?? false,
        RegisteredAt = row.GetDateTimeOffset("RegisteredAt") ?? default,
        TeamsId = row.GetString("TeamsId"),
    };

    public static TableEntity ToRow(string partition, Contribution c)
    {
        var row = new TableEntity(partition, Keys.ContributionRow(c.Number))
        {
            ["WorkshopId"] = c.WorkshopId,
            ["Number"] = c.Number,
            ["Step"] = (int)c.Step,
            ["Kind"] = c.Kind.ToString(),
            ["AuthorName"] = c.Author.Name,
            ["Text"] = c.Text,
            ["CreatedAt"] = c.CreatedAt,
            ["EditedAt"] = c.EditedAt,
            ["Hidden"] = c.Hidden,
            ["MergedInto"] = c.MergedInto,
            ["PromotedTo"] = c.PromotedTo,
            ["Priority"] = c.Priority,
            ["LinkedGoals"] = JsonSerializer.Serialize(c.LinkedGoals.ToList(), StorageJson.Default.ListInt32),
            ["BestPractice"] = c.BestPractice is null ? null : JsonSerializer.Serialize(c.BestPractice, StorageJson.Default.BestPracticeDetails),
            ["Goal"] = c.Goal is null ? null : JsonSerializer.Serialize(c.Goal, StorageJson.Default.GoalAssessment),
        };
        // An anonymised contribution has no person: the column is left out rather than set to a placeholder.
        if (!c.Author.IsAnonymous)
        {
            row[PersonId] = c.Author.Id;
        }

        if (c.Origin != ContributionOrigin.Participant)
        {
            row["Origin"] = c.Origin.ToString();
        }

        if (c.Mentioned is { IsAnonymous: false } mentioned)
        {
            row["MentionedId"] = mentioned.Id;
            row["MentionedName"] = mentioned.Name;
        }

        return row;
    }

    public static Contribution ToContribution(TableEntity row) => new()
    {
        WorkshopId = row.GetString("WorkshopId"),
        Number = row.GetInt32("Number") ?? 0,
        Step = (WorkshopStep)(row.GetInt32("Step") ?? 1),
        Kind = Enum.Parse<ContributionKind>(row.GetString("Kind")),
        Author = row.GetString(PersonId) is { } authorId
            ? new TeamsUser(authorId, row.GetString("AuthorName") ?? string.Empty)
            : TeamsUser.Anonymous,
        Text = row.GetString("Text"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        EditedAt = row.GetDateTimeOffset("EditedAt"),
        Hidden = row.GetBoolean("Hidden") ?? false,
        MergedInto = row.GetInt32("MergedInto"),
        PromotedTo = row.GetInt32("PromotedTo"),
        Priority = row.GetInt32("Priority"),
        LinkedGoals = row.GetString("LinkedGoals") is { } goals
            ? JsonSerializer.Deserialize(goals, StorageJson.Default.ListInt32) ?? []
            : [],
        BestPractice = row.GetString("BestPractice") is { } bp ? JsonSerializer.Deserialize(bp, StorageJson.Default.BestPracticeDetails) : null,
        Goal = row.GetString("Goal") is { } goal ? JsonSerializer.Deserialize(goal, StorageJson.Default.GoalAssessment) : null,
        Mentioned = row.GetString("MentionedId") is { } mentionedId ? new TeamsUser(mentionedId, row.GetString("MentionedName") ?? string.Empty) : null,
        Origin = Enum.TryParse<ContributionOrigin>(row.GetString("Origin"), out var origin) ? origin : ContributionOrigin.Participant,
    };

    /// <summary>Marks an activity as handled, in the same transaction as its effect, and remembers what it produced.</summary>
    public static TableEntity DedupeRow(string partition, string activityId, string result) =>
        new(partition, Keys.DedupeRow(activityId)) { ["Result"] = result };
}
