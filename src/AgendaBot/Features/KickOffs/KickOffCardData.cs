using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Features.KickOffs;

/// <summary>The kick-off setup: the goals, and a date input per field of action ("date_0", "date_1", … in the agenda's order).</summary>
public sealed record KickOffSetupData(string AgendaId)
{
    public string? Goals { get; init; }

    /// <summary>When the workshops begin, "HH:mm" (the time input's value).</summary>
    public string? StartsAt { get; init; }

    public TimeOnly? StartTime() =>
        TimeOnly.TryParseExact(StartsAt?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string DateId(int field) => "date_" + field.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dates given, by the field's place in the agenda; what is no date is left out.</summary>
    public IReadOnlyDictionary<int, DateOnly> Dates()
    {
        var dates = new Dictionary<int, DateOnly>();
        foreach (var (name, value) in Inputs ?? [])
        {
            if (name.StartsWith("date_", StringComparison.Ordinal)
                && int.TryParse(name["date_".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var field)
                && value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates[field] = date;
            }
        }

        return dates;
    }
}

/// <summary>Everything the kick-off card's buttons send: each button reads only its own inputs.</summary>
public sealed record KickOffData(string AgendaId)
{
    public string? Group { get; init; }
    public string? Idea { get; init; }
    public string? IdeaField { get; init; }
    public string? AssignIdea { get; init; }
    public string? AssignField { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(KickOffSetupData))]
[JsonSerializable(typeof(KickOffData))]
public sealed partial class KickOffCardJson : JsonSerializerContext;
