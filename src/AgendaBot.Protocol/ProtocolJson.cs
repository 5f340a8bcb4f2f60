using System.Text.Json;
using System.Text.Json.Serialization;
using AgendaBot.Protocol.Activities;
using AgendaBot.Protocol.Connector;

namespace AgendaBot.Protocol;

/// <summary>Source-generated JSON metadata for everything the protocol reads and writes (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(IReadOnlyList<TeamsChannelAccount>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(string))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

public static class ProtocolJson
{
    public static ProtocolJsonContext Context { get; } = ProtocolJsonContext.Default;
}
