using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Workshops;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
public sealed record OpenWorkshopData(string? FieldOfAction = null, string? Capacity = null);

public sealed record WorkshopRef(string WorkshopId) : IWorkshopCard;

public sealed record RegistrationData(string WorkshopId, string? Group = null) : IWorkshopCard;

public sealed record StepRef(string WorkshopId, int Step) : IWorkshopCard;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OpenWorkshopData))]
[JsonSerializable(typeof(WorkshopRef))]
[JsonSerializable(typeof(RegistrationData))]
[JsonSerializable(typeof(StepRef))]
public sealed partial class WorkshopCardJson : JsonSerializerContext;
