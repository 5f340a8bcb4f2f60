using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;
using AgendaBot.Features;
using AgendaBot.Features.Workshops;

namespace AgendaBot.Features.Contributions;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
// Seam: the step card (Workshops) names its form's inputs by it.
[Seam]
public sealed record ContributionData(string WorkshopId, int Step) : IWorkshopCard
{
    public string? Text { get; init; }
    public string? ExampleName { get; init; }
    public string? ExamplePlace { get; init; }
    public string? ExampleLink { get; init; }
    public bool Desirable { get; init; }
    public bool Necessary { get; init; }
    public bool Feasible { get; init; }
    public string? LinkedGoals { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(ContributionData))]
public sealed partial class ContributionCardJson : JsonSerializerContext;
