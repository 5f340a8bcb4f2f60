using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Comments;

/// <summary>The lead's "send the draft" click: the agenda (checked against the team) and the chosen last day.</summary>
public sealed record DraftSendData(string AgendaId)
{
    public string? Deadline { get; init; }
}

/// <summary>Names a comment round; the ids are only claims, checked against what is stored.</summary>
public sealed record CommentRoundRef(string AgendaId, string RoundId);

/// <summary>A participant's comments: one input per measure, named "c_{index}" after the measure's place in the round.</summary>
public sealed record DraftCommentData(string AgendaId, string RoundId)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DraftSendData))]
[JsonSerializable(typeof(CommentRoundRef))]
[JsonSerializable(typeof(DraftCommentData))]
public sealed partial class DraftCardDataJson : JsonSerializerContext;
