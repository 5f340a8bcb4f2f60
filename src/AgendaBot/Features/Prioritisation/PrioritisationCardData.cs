using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Features.Prioritisation;

/// <summary>The setup card's inputs: the method ("stars" or "dots") and the criteria. The agenda is only a claim.</summary>
public sealed record FinalRoundSetupData(string AgendaId)
{
    public string? Method { get; init; }
    public string? Criteria { get; init; }
}

public sealed record FinalRoundRef(string AgendaId, string RoundId);

/// <summary>A ballot of the final round: its inputs are named as a workshop ballot's ("s_{item}_{criterion}", "p_{item}").</summary>
public sealed record FinalBallotData(string AgendaId, string RoundId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }
}

/// <summary>The budget card: the year and the measures chosen (the multi-select's comma-separated ids, each checked).</summary>
public sealed record BudgetData(string AgendaId)
{
    public string? BudgetYear { get; init; }
    public string? Measures { get; init; }

    public IReadOnlyList<string> MeasureIds() =>
        (Measures ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(FinalRoundSetupData))]
[JsonSerializable(typeof(FinalRoundRef))]
[JsonSerializable(typeof(FinalBallotData))]
[JsonSerializable(typeof(BudgetData))]
public sealed partial class PrioritisationCardJson : JsonSerializerContext;
