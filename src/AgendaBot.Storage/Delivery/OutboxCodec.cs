using System.Text;
using System.Text.Json;

namespace AgendaBot.Storage.Delivery;

/// <summary>
/// Queue message text = Base64 of the envelope's UTF-8 JSON. Base64 keeps any text safe inside the queue's XML
/// protocol, and 48 KiB of JSON become exactly the queue's 64 KiB limit.
/// </summary>
public static class OutboxCodec
{
    /// <summary>Largest envelope JSON kept inline; anything larger stores the activity in a table row.</summary>
    public const int InlineLimitBytes = 48 * 1024;

    public static byte[] ToJson(OutboxEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, DeliveryJson.Default.OutboxEnvelope);

    public static string Encode(OutboxEnvelope envelope) => Convert.ToBase64String(ToJson(envelope));

    /// <summary>Reads a message; anything that is not a complete envelope gives a reason instead (the worker parks it).</summary>
    public static bool TryDecode(string text, out OutboxEnvelope? envelope, out string problem)
    {
        envelope = null;
        byte[] json;
        try
        {
            json = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            problem = "undecodable: not Base64";
            return false;
        }

        try
        {
            envelope = JsonSerializer.Deserialize(json, DeliveryJson.Default.OutboxEnvelope);
        }
        catch (JsonException failure)
        {
            problem = $"undecodable: {failure.Message.Split('\n', 2)[0]}";
            return false;
        }

        problem = envelope switch
        {
            null => "undecodable: empty",
            { Version: not OutboxEnvelope.CurrentVersion } => $"undecodable: unknown version {envelope.Version}",
            { Tenant: null or "" } or { Conversation: null or "" } or { Key: null or "" } => "undecodable: tenant, conversation or key missing",
            { Activity: null, BodyId: null or "" } => "undecodable: neither an activity nor a body reference",
            { Activity.ValueKind: not JsonValueKind.Object and not JsonValueKind.Undefined } => "undecodable: the activity is no JSON object",
            _ => string.Empty,
        };
        if (problem.Length > 0)
        {
            envelope = null;
            return false;
        }

        return true;
    }

    /// <summary>Text for the Parked table when a message could not even be decoded.</summary>
    public static string Describe(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
