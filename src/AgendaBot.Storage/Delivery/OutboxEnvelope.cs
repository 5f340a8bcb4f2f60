using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Storage.Delivery;

/// <summary>The content of one queue message: where a post goes, its idempotency key and how often it failed.</summary>
public sealed record OutboxEnvelope
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Tenant { get; init; }

    public required string Conversation { get; init; }

    public required string Key { get; init; }

    public string? UpdateActivityId { get; init; }

    public string? AgendaId { get; init; }

    /// <summary>The person a post to their personal chat is addressed to (<see cref="OutboxPost.PersonId"/>).</summary>
    public string? PersonId { get; init; }

    /// <summary>Failed sends so far; the queue's own dequeue count also counts deferrals and crashes.</summary>
    public int Attempts { get; init; }

    /// <summary>The activity itself, when the message stays under the queue's size limit.</summary>
    public JsonElement? Activity { get; init; }

    /// <summary>Otherwise the id of the Outbox table row that holds it (<see cref="Keys.BodyRow"/>).</summary>
    public string? BodyId { get; init; }

    /// <summary>
    /// When set, the activity is only a placeholder: the card is drawn when the post is delivered, from what storage holds
    /// then, by the redraw of this kind (<see cref="OutboxPost.RedrawKind"/>).
    /// </summary>
    public string? RedrawKind { get; init; }

    /// <summary>What the redraw of <see cref="RedrawKind"/> draws (a workshop, a pinboard page, an agenda's plan).</summary>
    public string? RedrawRef { get; init; }

    [JsonIgnore]
    public TenantScope Scope => new(Tenant);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxEnvelope))]
internal sealed partial class DeliveryJson : JsonSerializerContext;
