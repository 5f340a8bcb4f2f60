using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Export;

/// <summary>The agenda the "publish to channel files" button names; the handler checks it against the channel it is clicked in.</summary>
public sealed record PublishData(string AgendaId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PublishData))]
public sealed partial class ExportCardJson : JsonSerializerContext;
