using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Protocol.Activities;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public sealed record AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; init; }
    public JsonElement? Authentication { get; init; }
    public string? State { get; init; }
    public JsonElement? Trigger { get; init; }
}

public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }
}

/// <summary>What the bot returns in the HTTP response body of an invoke.</summary>
public sealed record InvokeResponse(int Status, object? Body);

/// <summary>The body of an <c>adaptiveCard/action</c> invoke response.</summary>
public sealed record AdaptiveCardInvokeResponse
{
    public int StatusCode { get; init; } = 200;
    public string Type { get; init; } = ContentTypes.MessageActivity;
    public JsonElement? Value { get; init; }

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.MessageActivity,
        Value = JsonSerializer.SerializeToElement(text, ProtocolJson.Context.String),
    };

    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new()
    {
        StatusCode = 200,
        Type = ContentTypes.AdaptiveCard,
        Value = card,
    };

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ContentTypes.Error,
        Value = JsonSerializer.SerializeToElement(new InvokeError(code, message), ProtocolJson.Context.InvokeError),
    };
}

public sealed record InvokeError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
