using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Cards;

/// <summary>
/// The data each card button carries, plus the values of the card's inputs that Teams merges into it.
/// Input values arrive as strings, so numbers are read from strings too.
/// </summary>
public sealed record AgendaSetupData(string? Title, string? FieldsOfAction, string? StatusHere);

public sealed record OpenWorkshopData(string? FieldOfAction, string? Capacity);

public sealed record WorkshopRef(string WorkshopId);

public sealed record RegistrationData(string WorkshopId, string? Group);

public sealed record StepRef(string WorkshopId, int Step);

public sealed record ContributionData(string WorkshopId, int Step)
{
    public string? Text { get; init; }
    public string? ExampleName { get; init; }
    public string? ExamplePlace { get; init; }
    public string? ExampleLink { get; init; }
    public string? Desirable { get; init; }
    public string? Necessary { get; init; }
    public string? Feasible { get; init; }
    public string? LinkedGoals { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgendaSetupData))]
[JsonSerializable(typeof(OpenWorkshopData))]
[JsonSerializable(typeof(WorkshopRef))]
[JsonSerializable(typeof(RegistrationData))]
[JsonSerializable(typeof(StepRef))]
[JsonSerializable(typeof(ContributionData))]
public sealed partial class CardDataJson : JsonSerializerContext;
