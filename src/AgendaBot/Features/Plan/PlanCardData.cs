using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Plan;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
public sealed record PlanData(string WorkshopId, int Step) : IWorkshopCard
{
    public string? Measure { get; init; }
    public string? Title { get; init; }
    public string? Owner { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
    public string? WorkPackages { get; init; }
    public string? Milestones { get; init; }
    public string? Indicators { get; init; }
    public bool BudgetYear { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(PlanData))]
public sealed partial class PlanCardJson : JsonSerializerContext;
