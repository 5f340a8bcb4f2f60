using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Features.Agendas;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too. Inputs left empty may be missing; ids a button carries may not.
/// </summary>
public sealed record AgendaSetupData(string? Title = null, string? FieldsOfAction = null, bool StatusHere = false);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(AgendaSetupData))]
public sealed partial class AgendaCardJson : JsonSerializerContext;
