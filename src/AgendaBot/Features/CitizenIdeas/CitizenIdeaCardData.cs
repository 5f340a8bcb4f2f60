using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.CitizenIdeas;

/// <summary>
/// What the moderation card's buttons carry (the agenda and the idea) and the inputs Teams merges in: the workshop
/// chosen, the reason for declining. All of it is a claim, checked against what is stored and who clicks.
/// </summary>
public sealed record CitizenIdeaData(string AgendaId, string IdeaId)
{
    public string? Workshop { get; init; }
    public string? Reason { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CitizenIdeaData))]
public sealed partial class CitizenIdeaCardJson : JsonSerializerContext;
