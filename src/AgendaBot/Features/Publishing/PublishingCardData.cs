using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Features.Publishing;

/// <summary>
/// What the preview's buttons carry: the agenda, and the fingerprint of the version the lead saw — publishing
/// publishes exactly that, or shows the changed plan again. Both are claims, checked against what is stored.
/// </summary>
public sealed record PublicationData(string AgendaId, string Fingerprint)
{
    /// <summary>The preview's live-status toggle; on the published card, the state the switch button sets.</summary>
    public bool LiveStatus { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, Converters = [typeof(AgendaBot.Bot.Cards.CardBooleanConverter)])]
[JsonSerializable(typeof(PublicationData))]
public sealed partial class PublishingCardJson : JsonSerializerContext;
