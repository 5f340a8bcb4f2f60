using System.Globalization;
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

    /// <summary>The unit or role the public pages name; absent (an older card) leaves it as it is, empty clears it.</summary>
    public string? ResponsibleUnit { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public const string ProgressId = "progress";

    /// <summary>The id of the input for the measure's n-th control indicator (from 0).</summary>
    public static string IndicatorId(int indicator) => "indicator" + indicator.ToString(CultureInfo.InvariantCulture);

    public double? ReadProgress() => ReadNumber(ProgressId);

    public double? ReadIndicator(int indicator) => ReadNumber(IndicatorId(indicator));

    public bool IsIndicatorBlank(int indicator) => IsBlank(IndicatorId(indicator));

    /// <summary>A number input arrives as a JSON number or as a string ("40", "12,5"); anything else is no number.</summary>
    private double? ReadNumber(string id)
    {
        if (Inputs is null || !Inputs.TryGetValue(id, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString()?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
                ? parsed
                : null;
    }

    private bool IsBlank(string id) =>
        Inputs is null || !Inputs.TryGetValue(id, out var value) || value.ValueKind == JsonValueKind.Null
        || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
}

public sealed record AgendaRef(string AgendaId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MeasureRef))]
[JsonSerializable(typeof(MeasureUpdateData))]
[JsonSerializable(typeof(AgendaRef))]
public sealed partial class MeasureCardJson : JsonSerializerContext;
