using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// What the preview's buttons carry: the agenda, and the fingerprint of the version the lead saw — publishing
/// publishes exactly that, or shows the changed plan again. Both are claims, checked against what is stored.
/// </summary>
public sealed record PublicationData(string AgendaId, string Fingerprint);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PublicationData))]
public sealed partial class PublishingCardJson : JsonSerializerContext;
