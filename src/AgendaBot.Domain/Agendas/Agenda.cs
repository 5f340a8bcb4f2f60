using AgendaBot.Domain.Common;
using AgendaBot.Domain.People;

namespace AgendaBot.Domain.Agendas;

/// <summary>One Digitale Agenda per team: its title, project lead, fields of action and weekly status schedule.</summary>
public sealed record Agenda
{
    public static readonly IReadOnlyList<string> DefaultFieldsOfAction =
        ["Verwaltung", "Tourismus/Mobilität", "Einzelhandel/Gewerbe"];

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required TeamsUser ProjectLead { get; init; }
    public required IReadOnlyList<string> FieldsOfAction { get; init; }

    /// <summary>The conversation (channel) the weekly status post goes to; null until one is chosen.</summary>
    public string? StatusConversationId { get; init; }

    public WeeklySchedule Schedule { get; init; } = WeeklySchedule.Default;
    public DateTimeOffset CreatedAt { get; init; }

    public static Agenda Create(string id, string title, TeamsUser projectLead, IReadOnlyList<string>? fieldsOfAction,
        string? statusConversationId, WeeklySchedule? schedule, DateTimeOffset now)
    {
        var fields = (fieldsOfAction is { Count: > 0 } given ? given : DefaultFieldsOfAction)
            .Select(f => TextLimits.Required(f, TextLimits.Title, "field of action"))
            // A field's name heads the step cards and the pinboard, where Teams reads markdown: no formatting, links or tags.
            .Select(f => f.IndexOfAny(['*', '_', '[', ']', '`', '<', '>', '#', '~', '\\', '|']) < 0
                ? f
                : throw new DomainException(DomainErrorCode.InvalidValue, "field of action"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Agenda
        {
            Id = id,
            Title = TextLimits.Required(title, TextLimits.Title, "title"),
            ProjectLead = projectLead,
            FieldsOfAction = TextLimits.Bounded(fields, TextLimits.FieldsOfAction, "fields of action"),
            StatusConversationId = statusConversationId,
            Schedule = schedule ?? WeeklySchedule.Default,
            CreatedAt = now,
        };
    }
}

/// <summary>When the weekly measure-status post goes out; a cron expression in a named time zone.</summary>
public sealed record WeeklySchedule(string Cron, string TimeZone)
{
    /// <summary>Mondays at 08:00 in Germany, summer and winter time alike.</summary>
    public static WeeklySchedule Default { get; } = new("0 8 * * 1", "Europe/Berlin");
}
