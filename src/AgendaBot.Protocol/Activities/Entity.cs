using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgendaBot.Protocol.Activities;

/// <summary>
/// An entity attached to an activity. Entities are open-ended in the spec, so the typed views
/// (<see cref="AsMention"/>, <see cref="AsClientInfo"/>) read the two kinds Teams sends that the bot needs.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }

    // Mention
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    // clientInfo
    public string? Locale { get; init; }
    public string? Country { get; init; }
    public string? Platform { get; init; }
    public string? Timezone { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public Mention? AsMention() =>
        string.Equals(Type, MentionType, StringComparison.OrdinalIgnoreCase) && Mentioned is not null
            ? new Mention(Mentioned, Text ?? string.Empty)
            : null;

    public ClientInfo? AsClientInfo() =>
        string.Equals(Type, ClientInfoType, StringComparison.OrdinalIgnoreCase)
            ? new ClientInfo(Locale, Country, Platform, Timezone)
            : null;

    public static Entity ForMention(ChannelAccount mentioned, string text) =>
        new() { Type = MentionType, Mentioned = mentioned, Text = text };
}

public sealed record Mention(ChannelAccount Mentioned, string Text);

public sealed record ClientInfo(string? Locale, string? Country, string? Platform, string? Timezone);
