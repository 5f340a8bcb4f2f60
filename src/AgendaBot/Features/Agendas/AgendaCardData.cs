using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Bot.Cards;

namespace AgendaBot.Features.Agendas;

/// <summary>
/// What this feature's card buttons carry, plus the values of the card's inputs that Teams merges into it. Every id in
/// it is only a claim, checked against what the server knows; input values arrive as strings, so numbers are read
/// from strings too.
/// </summary>
/// <summary>
/// The data each card button carries, plus the values of the card's inputs that Teams merges into it.
/// Input values arrive as strings, so numbers are read from strings too.
/// </summary>
public sealed record AgendaSetupData(string? Title, string? FieldsOfAction, bool StatusHere);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    Converters = [typeof(CardBooleanConverter)])]
[JsonSerializable(typeof(AgendaSetupData))]
public sealed partial class AgendaCardJson : JsonSerializerContext;
