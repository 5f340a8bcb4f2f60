using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Measures;

/// <summary>Names a measure of an agenda; the handler checks both against storage and the clicker's rights.</summary>
public sealed record MeasureRef(string AgendaId, string MeasureId);

/// <summary>
/// The owner's report: the card's inputs "status", and "progress" and "indicator{n}" among <see cref="Inputs"/> — read
/// from there because clients send a number input as a string or as a number.
/// </summary>
public sealed record MeasureUpdateData(string AgendaId, string MeasureId)
{
    public string? Status { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }
}

public sealed record AgendaRef(string AgendaId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MeasureRef))]
[JsonSerializable(typeof(MeasureUpdateData))]
[JsonSerializable(typeof(AgendaRef))]
public sealed partial class MeasureCardJson : JsonSerializerContext;
