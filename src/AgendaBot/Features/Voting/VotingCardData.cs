using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Voting;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
public sealed record VotingSetupData(string WorkshopId, int Step) : IWorkshopCard
{
    public string? Items { get; init; }
    public string? Method { get; init; }
    public string? Criteria { get; init; }
    public string? Points { get; init; }
    public string? MaxPerItem { get; init; }
    public string? Anonymous { get; init; }
    public string? Minutes { get; init; }
}

public sealed record RoundRef(string WorkshopId, string RoundId) : IWorkshopCard;

/// <summary>A ballot: which round, and the values of the card's rating inputs (named "s_{item}_{criterion}" or "p_{item}").</summary>
public sealed record BallotData(string WorkshopId, string RoundId) : IWorkshopCard
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VotingSetupData))]
[JsonSerializable(typeof(RoundRef))]
[JsonSerializable(typeof(BallotData))]
public sealed partial class VotingCardJson : JsonSerializerContext;
