using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Features.Consultations;

/// <summary>Names an agenda; only a claim, checked against the conversation and the clicker's rights.</summary>
// Seam: the plan summary offers to record a consultation about the plan.
[Seam]
public sealed record ConsultationAgendaRef(string AgendaId);

/// <summary>
/// The consultation form's inputs, merged by Teams into the button's data. The measures arrive as the multi-select's
/// comma-separated ids; every id is checked against the agenda's measures.
/// </summary>
public sealed record ConsultationData(string AgendaId)
{
    public string? Partner { get; init; }
    public string? Date { get; init; }
    public string? Measures { get; init; }
    public string? Note { get; init; }
    public bool MaterialShared { get; init; }

    public IReadOnlyList<string> MeasureIds() =>
        (Measures ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

// Seam: the plan summary writes its "record a consultation" button with it.
[Seam]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(ConsultationAgendaRef))]
[JsonSerializable(typeof(ConsultationData))]
public sealed partial class ConsultationCardJson : JsonSerializerContext;
