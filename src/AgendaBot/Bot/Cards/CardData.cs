using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Bot.Cards;

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

public sealed record VotingSetupData(string WorkshopId, int Step)
{
    public string? Items { get; init; }
    public string? Method { get; init; }
    public string? Criteria { get; init; }
    public string? Points { get; init; }
    public string? MaxPerItem { get; init; }
    public string? Anonymous { get; init; }
    public string? Minutes { get; init; }
}

public sealed record PlanData(string WorkshopId, int Step)
{
    public string? Measure { get; init; }
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? WorkPackages { get; init; }
    public string? Milestones { get; init; }
    public string? Indicators { get; init; }
    public string? BudgetYear { get; init; }
}

public sealed record RoundRef(string WorkshopId, string RoundId);

/// <summary>A ballot: which round, and the values of the card's rating inputs (named "s_{item}_{criterion}" or "p_{item}").</summary>
public sealed record BallotData(string WorkshopId, string RoundId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }
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
[JsonSerializable(typeof(VotingSetupData))]
[JsonSerializable(typeof(RoundRef))]
[JsonSerializable(typeof(PlanData))]
[JsonSerializable(typeof(BallotData))]
public sealed partial class CardDataJson : JsonSerializerContext;
